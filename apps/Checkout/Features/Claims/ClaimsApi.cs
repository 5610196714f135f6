using GamesDrop.BuildingBlocks.State;
using GamesDrop.Checkout.Activities;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.Features.Refunds;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Checkout.Features.Claims;

/// <summary>
/// Staff resolve a buyer's claim on a key that does not work: a replacement delivered as lines are (own stock first, else
/// bought from the cheapest healthy supplier other than the one whose key failed), or a refund of the line to PayPal through
/// <see cref="LineRefunds"/>. Internal: the BFF calls it for admins. A repeat finds the work done, and a purchase still on
/// its way is asked about by our reference, never made twice.
/// </summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaims(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/claims/{claimId}").WithTags("Claims");
        group.MapPost("/replace", ReplaceAsync);
        group.MapPost("/refund", RefundAsync);
        return routes;
    }

    /// <returns>200 replaced; 202 the supplier has not delivered yet (ask again); 409 why it cannot be replaced.</returns>
    private static async Task<Results<Ok<KeyClaim>, Accepted<KeyClaim>, NotFound, ProblemHttpResult>> ReplaceAsync(
        long claimId, ClaimDecision body, KernelOrderSteps kernel, SupplierPurchases suppliers,
        [FromKeyedServices(AppIds.Checkout)] IStateStore state, TimeProvider clock, CancellationToken ct)
    {
        if (await kernel.ClaimAsync(claimId, ct) is not { } claim)
        {
            return TypedResults.NotFound();
        }
        var stock = await kernel.ReplaceClaimAsync(claimId, new ReplaceClaim(body.ResolvedBy), ct);
        if (stock?.Value is not { } fromStock)
        {
            return stock is null ? TypedResults.NotFound() : Refused(claimId, stock.Refusal);
        }
        if (fromStock.Status == ClaimStatuses.Replaced)
        {
            return TypedResults.Ok(fromStock);
        }

        // Suppliers take our reference as their order's idempotency key, so asking the supplier of a purchase still on its way
        // again continues that order; only a definite failure lets the next ask start afresh.
        var reference = $"{FulfilLineActivity.Reference(claim.OrderId, claim.LineId)}-claim-{claimId}";
        var pendingKey = $"claim-purchase-{claimId}";
        IReadOnlyList<SupplierCandidate> candidates = await state.GetAsync<SupplierCandidate>(pendingKey, ct) is { Value: var pending }
            ? [pending]
            : (await kernel.CandidatesAsync(claim.OrderId, claim.LineId, ct)).Where(c => c.Supplier != claim.Supplier).ToList();
        if (candidates.Count == 0)
        {
            return Refused(claimId, "Neither own stock nor another supplier has this game at its price now; refund the line instead.");
        }
        var purchase = await suppliers.BuyAsync(reference, 1, candidates, ct);
        switch (purchase.Status)
        {
            case "completed" when purchase.Keys.Count > 0:
                var stored = await kernel.ReplaceClaimAsync(claimId, new ReplaceClaim(body.ResolvedBy, purchase.ToDelivery(clock.GetUtcNow())), ct);
                await state.TryDeleteAsync(pendingKey, ct: ct);
                return stored?.Value is { } replaced ? TypedResults.Ok(replaced) : Refused(claimId, stored?.Refusal);
            case "failed":
                await state.TryDeleteAsync(pendingKey, ct: ct);
                return Refused(claimId, $"No other supplier could deliver a replacement: {purchase.Failure}");
            default:
                await state.TrySaveAsync(pendingKey, candidates.First(c => c.Supplier == purchase.Supplier), ct: ct);
                return TypedResults.Accepted((string?)null, claim);
        }
    }

    private static async Task<Results<Ok<KeyClaim>, Accepted<KeyClaim>, NotFound, ProblemHttpResult>> RefundAsync(
        long claimId, ClaimDecision body, KernelOrderSteps kernel, PayPalClient paypal, CancellationToken ct)
    {
        if (await kernel.ClaimAsync(claimId, ct) is not { } claim || await kernel.GetAsync(claim.OrderId, ct) is not { } order)
        {
            return TypedResults.NotFound();
        }
        // As for staff refunds: only once the workflow is done with the order, so this never races its own refund step.
        if (claim.Status == ClaimStatuses.Open && order.Status is not (OrderStatuses.Completed or OrderStatuses.PartiallyRefunded))
        {
            return Refused(claimId, $"The order is {order.Status}; a claim is refunded once the order is finished.");
        }
        if (claim.Status == ClaimStatuses.Open && order.Lines.Single(l => l.LineId == claim.LineId) is { Status: LineStatuses.Fulfilled } line)
        {
            await LineRefunds.RefundAsync(kernel, paypal, order, [line], ct);
        }
        var resolved = await kernel.ResolveClaimAsync(claimId, new ResolveClaim(ClaimStatuses.Refunded, body.Note, body.ResolvedBy), ct);
        return resolved?.Value is { } refunded ? TypedResults.Ok(refunded) : Refused(claimId, resolved?.Refusal);
    }

    private static Results<Ok<KeyClaim>, Accepted<KeyClaim>, NotFound, ProblemHttpResult> Refused(long claimId, string? detail) =>
        TypedResults.Problem(detail ?? $"Claim {claimId} cannot be resolved so.", title: "The claim was not resolved", statusCode: StatusCodes.Status409Conflict);
}

/// <param name="ResolvedBy">The admin who decided (their user id).</param>
/// <param name="Note">What the buyer is told with the resolution, if anything.</param>
public sealed record ClaimDecision(Guid ResolvedBy, [property: System.ComponentModel.DataAnnotations.StringLength(500)] string? Note = null);
