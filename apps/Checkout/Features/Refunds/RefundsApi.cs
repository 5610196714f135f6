using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Checkout.Features.Refunds;

/// <summary>
/// A buyer's one-click refund of a key never revealed, to PayPal. The kernel accepts it first (and from then on refuses
/// to reveal the key); PayPal is asked with a request id naming the line, so repeated clicks, a retry or a concurrent
/// request all get PayPal's first refund; the kernel records a refund id once and puts the key back in stock. Internal:
/// the BFF calls it for the buyer, having checked that the order is theirs.
/// </summary>
public static class RefundsApi
{
    /// <summary>Marks our refunds of one line, on PayPal's refund and its webhook: <c>line-refund:{orderId}:{lineId}</c>.</summary>
    public const string CustomIdPrefix = "line-refund:";

    public static RouteGroupBuilder MapRefunds(this RouteGroupBuilder routes)
    {
        routes.MapPost("/refunds", RefundAsync).WithTags("Refunds");
        return routes;
    }

    private static async Task<Results<Ok<RefundDone>, NotFound, ProblemHttpResult>> RefundAsync(
        RequestRefund body, KernelOrderSteps kernel, PayPalClient paypal, CancellationToken ct)
    {
        if (await kernel.AcceptRefundAsync(body.OrderId, body.LineId, ct) is not { } answer)
        {
            return TypedResults.NotFound();
        }
        if (answer.Value is not { } accepted)
        {
            return TypedResults.Problem(answer.Refusal, title: "This key cannot be refunded in one click", statusCode: StatusCodes.Status409Conflict);
        }
        if (!accepted.Refunded)
        {
            var refund = await paypal.RefundCaptureAsync(accepted.CaptureId, accepted.Amount, accepted.Currency,
                $"line-refund-{body.OrderId:N}-{body.LineId}", $"{CustomIdPrefix}{body.OrderId:D}:{body.LineId}", ct);
            await kernel.RecordRefundAsync(body.OrderId, refund.Id, accepted.Amount, accepted.Currency, [body.LineId], ct);
        }
        return TypedResults.Ok(new RefundDone(body.OrderId, body.LineId, accepted.Amount, accepted.Currency));
    }

    /// <summary>Reads our order and line back from a refund's custom_id; null for any other refund.</summary>
    public static (Guid OrderId, long LineId)? LineOf(string? customId) =>
        customId is not null && customId.StartsWith(CustomIdPrefix, StringComparison.Ordinal)
        && customId[CustomIdPrefix.Length..].Split(':') is [var order, var line]
        && Guid.TryParse(order, out var orderId) && long.TryParse(line, out var lineId)
            ? (orderId, lineId)
            : null;
}

/// <summary>The refund went to the buyer's PayPal account.</summary>
public sealed record RefundDone(Guid OrderId, long LineId, decimal Amount, string Currency);
