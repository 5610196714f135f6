using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using static GamesDrop.Kernel.Features.Orders.OrderChange;

namespace GamesDrop.Kernel.Features.Refunds;

/// <summary>
/// The buyer's one-click refund of a delivered key never revealed, within the configured window. Accepting it stops the
/// line's keys from being revealed (server-side, under the order's lock); checkout then refunds PayPal and records the
/// refund, which puts the keys back in stock. A repeat answers the same, so PayPal is asked with the same request id.
/// </summary>
public static class RefundsApi
{
    public const string RequestedStep = "refund-requested";

    public static RouteGroupBuilder MapRefunds(this RouteGroupBuilder routes)
    {
        routes.MapPost("/orders/{orderId}/lines/{lineId}/one-click-refund", AcceptAsync).WithTags("Refunds");
        return routes;
    }

    private static async Task<Results<Ok<OneClickRefund>, NotFound, ProblemHttpResult>> AcceptAsync(
        Guid orderId, long lineId, IOptionsMonitor<RefundSettings> settings, TimeProvider clock, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var order = await OrderTransaction.BeginAsync(db, orderId, ct);
        if (order is not null)
        {
            await order.ExecuteAsync(RefundsSql.LockLine, new { OrderId = orderId, LineId = lineId });
        }
        if (order is null || await order.QuerySingleOrDefaultAsync<RefundLine>(RefundsSql.Line, new { OrderId = orderId, LineId = lineId }) is not { } line)
        {
            return TypedResults.NotFound();
        }
        var answer = new OneClickRefund(orderId, lineId, line.CaptureId ?? "", line.Amount, order.Order.Currency, line.Status == LineStatuses.Refunded);
        if (answer.Refunded || line.Requested)
        {
            return TypedResults.Ok(answer);
        }
        if (Refusal(line, settings.CurrentValue.OneClickWindow, clock.GetUtcNow()) is { } refusal)
        {
            return Conflict(refusal);
        }
        await order.ExecuteAsync(RefundsSql.Request, new { LineId = lineId });
        await order.StepAsync(RequestedStep, lineId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await order.CommitAsync();
        return TypedResults.Ok(answer);
    }

    /// <summary>Why the line cannot be refunded in one click, in the buyer's words; null when it can.</summary>
    internal static string? Refusal(RefundLine line, TimeSpan window, DateTimeOffset now) => line switch
    {
        { Revealed: true } => "This key was revealed, so it cannot be refunded in one click. If it does not work, tell us and we will sort it out.",
        { Status: not LineStatuses.Fulfilled } or { CaptureId: null } => "Only a delivered key can be refunded.",
        { CapturedAt: { } paid } when CheckoutOrders.Utc(paid) + window < now =>
            $"One-click refunds end {window.TotalDays:0} days after payment.",
        _ => null,
    };

    internal sealed record RefundLine(long LineId, string Status, decimal Amount, bool Requested, bool Revealed, string? CaptureId, DateTime? CapturedAt);
}
