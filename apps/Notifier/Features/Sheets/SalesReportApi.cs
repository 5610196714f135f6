using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using GamesDrop.BuildingBlocks.PubSub;
using System.Globalization;
using Dapper;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Notifier.Clients;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GamesDrop.Notifier.Features.Sheets;

/// <summary>
/// The sales sheet: a row per order that reached its final paid status (completed, partly or fully refunded), and once a
/// day (cron binding <c>daily-sales-summary</c>) a summary row of the day before. Columns: date, order, status, lines,
/// revenue, cost, margin, suppliers, currency.
/// </summary>
public static class SalesReportApi
{
    public static RouteGroupBuilder MapSalesReport(this RouteGroupBuilder routes)
    {
        routes.MapPost("/sales/order-completed", OrderCompletedAsync).WithTags("Sales report").WithSubscription(Topics.OrderCompleted);
        routes.MapPost("/" + DaprComponents.DailySalesSummary, DailySummaryAsync).WithTags("Sales report");
        return routes;
    }

    private static async Task<Ok> OrderCompletedAsync(
        OrderCompleted completed, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, KernelOrdersClient kernel,
        [FromKeyedServices(AppIds.Notifier)] NpgsqlDataSource db, NotificationOutbox outbox, ReceiptMails receipts, CancellationToken ct)
    {
        var sales = await kernel.SalesAsync(completed.OrderId, ct);
        var day = DateOnly.FromDateTime(completed.At.UtcDateTime);
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(SalesSql.Record,
                new { sales.OrderId, Day = day, sales.Revenue, sales.Cost, sales.Currency }, cancellationToken: ct));
        }
        var lines = string.Join("; ", sales.Lines.Select(l => $"{l.Quantity} × {l.Title}"));
        var suppliers = string.Join(", ", sales.Lines.SelectMany(l => l.Sources.Split(", ", StringSplitOptions.RemoveEmptyEntries)).Distinct());
        await outbox.EnqueueAsync(eventId, Channels.Sheets, $"Sales row for order {sales.Number}",
            Row(day, sales.Number, sales.Status, lines, sales.Revenue, sales.Cost, suppliers, sales.Currency), ct);
        await receipts.QueueAsync(eventId, completed, sales, kernel, outbox, ct);
        return TypedResults.Ok();
    }

    /// <summary>Appends the summary of the day before, once per day and currency however often the binding fires.</summary>
    private static async Task<Ok> DailySummaryAsync(
        TimeProvider clock, IOptions<NotifierStoreOptions> store, [FromKeyedServices(AppIds.Notifier)] NpgsqlDataSource db, NotificationOutbox outbox, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        List<DayTotals> totals;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            totals = (await connection.QueryAsync<DayTotals>(new CommandDefinition(SalesSql.Day, new { Day = day }, cancellationToken: ct))).ToList();
        }
        if (totals.Count == 0)
        {
            totals.Add(new DayTotals(store.Value.Currency, 0, 0, 0));
        }
        foreach (var t in totals)
        {
            var currency = t.Currency.Trim();
            await outbox.EnqueueAsync($"daily-sales-summary:{day:yyyy-MM-dd}:{currency}", Channels.Sheets, $"Daily summary of {day:yyyy-MM-dd}",
                Row(day, "Daily summary", $"{t.Orders} orders", "", t.Revenue, t.Cost, "", currency), ct);
        }
        return TypedResults.Ok();
    }

    internal static SheetRow Row(DateOnly day, string order, string status, string lines, decimal revenue, decimal cost, string suppliers, string currency) =>
        new([day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), order, status, lines,
            Math.Round(revenue, 2), Math.Round(cost, 2), Math.Round(revenue - cost, 2), suppliers, currency]);

    private sealed record DayTotals(string Currency, int Orders, decimal Revenue, decimal Cost);
}
