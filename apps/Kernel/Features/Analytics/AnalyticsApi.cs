using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GamesDrop.Kernel.Features.Analytics;

/// <summary>
/// The sales report behind the admin charts, computed here in SQL over whole days of the configured zone, and the
/// funnel's counters, which the BFF reports in batches. The BFF admits only admins to the report.
/// </summary>
public static class AnalyticsApi
{
    // A year and a day, so a leap year compares with the one before; longer ranges make charts nobody can read.
    public const int MaxDays = 367;
    private const int DefaultDays = 30;

    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder routes)
    {
        routes.MapGet("/admin/analytics", ReportAsync).WithTags("Admin");
        routes.MapPost("/funnel-counts", AddFunnelCountsAsync).WithTags("Analytics");
        return routes;
    }

    /// <param name="from">First day, in the report's zone; by default 30 days before <paramref name="to"/>.</param>
    /// <param name="to">Last day, included; by default today.</param>
    private static async Task<Results<Ok<SalesReport>, ValidationProblem>> ReportAsync(
        DateOnly? from, DateOnly? to, [Range(1, 50)] int? top, IOptions<AnalyticsSettings> settings, StoreSettings store, TimeProvider clock,
        NpgsqlDataSource db, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Value.TimeZone);
        var last = to ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["The range is reversed."] });
        }
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [$"At most {MaxDays} days at once."] });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(AnalyticsSql.Report, new
        {
            From = first.ToDateTime(TimeOnly.MinValue), To = last.ToDateTime(TimeOnly.MinValue), Zone = zone.Id, Top = top ?? 10,
        }, cancellationToken: ct));
        var days = (await results.ReadAsync<DayRow>()).Select(d => new SalesDay(d.Day, d.Orders, d.Revenue, d.Refunds, d.Net)).ToList();
        var suppliers = (await results.ReadAsync<SupplierSales>()).ToList();
        var products = (await results.ReadAsync<TopProduct>()).ToList();
        var funnel = await results.ReadSingleAsync<SalesFunnel>();
        return TypedResults.Ok(new SalesReport(store.Currency, zone.Id, first, last, days, suppliers, products, funnel));
    }

    private static async Task<NoContent> AddFunnelCountsAsync(FunnelCounts body, NpgsqlDataSource db, CancellationToken ct)
    {
        if (body is { ProductViews: 0, CartAdds: 0 })
        {
            return TypedResults.NoContent();
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AnalyticsSql.AddFunnelCounts, body, cancellationToken: ct));
        return TypedResults.NoContent();
    }

    // Dapper fills constructors only when column types match exactly, and date reads as DateTime; a DateOnly property it fills.
    private sealed class DayRow
    {
        public DateOnly Day { get; init; }
        public long Orders { get; init; }
        public decimal Revenue { get; init; }
        public decimal Refunds { get; init; }
        public decimal Net { get; init; }
    }
}
