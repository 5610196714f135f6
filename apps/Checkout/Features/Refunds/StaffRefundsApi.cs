using System.ComponentModel.DataAnnotations;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Checkout.Features.Refunds;

/// <summary>
/// Staff refunds of a finished order, whole or some of its delivered lines, through the same refund path the workflow uses
/// for lines it could not deliver. Internal: the BFF calls it for admins.
/// </summary>
public static class StaffRefundsApi
{
    public static RouteGroupBuilder MapStaffRefunds(this RouteGroupBuilder routes)
    {
        routes.MapPost("/checkouts/{orderId}/refunds", RefundAsync).WithTags("Checkouts");
        return routes;
    }

    private static async Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid orderId, RefundLines body, KernelOrderSteps kernel, PayPalClient paypal, CancellationToken ct)
    {
        if (await kernel.GetAsync(orderId, ct) is not { } order)
        {
            return TypedResults.NotFound();
        }
        // The workflow has finished with a completed order, so a refund here never races its own refund step.
        if (order.Status is not (OrderStatuses.Completed or OrderStatuses.PartiallyRefunded))
        {
            return TypedResults.Problem($"The order is {order.Status}; a finished, delivered order is refunded here.", statusCode: StatusCodes.Status409Conflict);
        }
        var wanted = body.LineIds is { Count: > 0 } ids ? ids.ToHashSet() : null;
        var lines = order.Lines.Where(l => wanted?.Contains(l.LineId) ?? true).ToList();
        if (wanted is not null && lines.Count != wanted.Count)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lineIds"] = ["Lines of this order."] });
        }
        var refundable = lines.Where(l => l.Status == "fulfilled").ToList();
        if (refundable.Count == 0 || (wanted is not null && refundable.Count != lines.Count))
        {
            return TypedResults.Problem("Only delivered lines not refunded yet can be refunded.", statusCode: StatusCodes.Status409Conflict);
        }
        await LineRefunds.RefundAsync(kernel, paypal, order, refundable, ct);
        return TypedResults.Ok((await kernel.GetAsync(orderId, ct))!);
    }
}

/// <param name="LineIds">The lines to refund; none means every delivered line.</param>
public sealed record RefundLines([MaxLength(50)] IReadOnlyList<long>? LineIds);
