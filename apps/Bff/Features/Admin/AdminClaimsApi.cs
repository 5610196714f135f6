using System.ComponentModel.DataAnnotations;
using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Claims;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// Buyers' claims on keys that do not work: the open ones (or any status), and their resolution by a replacement key, a
/// refund of the line to PayPal, or a rejection whose reason the buyer reads. Each resolution is in the audit, against the order.
/// </summary>
public static class AdminClaimsApi
{
    public static RouteGroupBuilder MapAdminClaims(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/claims");
        group.MapGet("", async ([StringLength(20)] string? status, KernelClient kernel, CancellationToken ct) =>
            AdminArea.Answer(await kernel.ListClaimsAsync(status ?? ClaimStatuses.Open, ct)));
        group.MapPost("/{claimId:long}/replace", (long claimId, HttpContext http, AdminAudit audit, KernelClient kernel, CheckoutClient checkout, CancellationToken ct) =>
            ResolveAsync(claimId, AuditActions.ClaimReplace, http, audit, kernel, () => checkout.ReplaceClaimAsync(claimId, http.UserId(), ct), ct));
        group.MapPost("/{claimId:long}/refund", (long claimId, HttpContext http, AdminAudit audit, KernelClient kernel, CheckoutClient checkout, CancellationToken ct) =>
            ResolveAsync(claimId, AuditActions.ClaimRefund, http, audit, kernel, () => checkout.RefundClaimAsync(claimId, http.UserId(), null, ct), ct));
        group.MapPost("/{claimId:long}/reject", (long claimId, RejectClaim body, HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct) =>
            ResolveAsync(claimId, AuditActions.ClaimReject, http, audit, kernel, () => kernel.RejectClaimAsync(claimId, body.Note.Trim(), http.UserId(), ct), ct));
        return routes;
    }

    /// <returns>200 resolved; 202 a replacement key is still on its way from a supplier (resolve again later); 404, 400 or 409 otherwise.</returns>
    private static async Task<Results<Ok<KeyClaim>, Accepted<KeyClaim>, NotFound, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        long claimId, string action, HttpContext http, AdminAudit audit, KernelClient kernel, Func<Task<AppAnswer<KeyClaim>>> resolve, CancellationToken ct)
    {
        if ((await kernel.GetClaimAsync(claimId, ct)).Value is not { } claim)
        {
            return TypedResults.NotFound();
        }
        var before = new { claim = claim.Status, order = await audit.OrderStateAsync(claim.OrderId, ct) };
        var answer = await resolve();
        // A repeat finds the claim resolved already and changes nothing, so only the first is audited.
        if (answer is { Status: HttpStatusCode.OK, Value: { } resolved } && claim.Status == ClaimStatuses.Open)
        {
            await audit.RecordAsync(http, await audit.ActorAsync(http, ct), action, claim.OrderId, before, new
            {
                claimId, claim = resolved.Status, resolved.ReplacementKeyId, resolved.ResolutionNote, order = await audit.OrderStateAsync(claim.OrderId, ct),
            }, ct);
        }
        return answer.ToResult(c => c, "The claim was not resolved");
    }
}

/// <param name="Note">Why, in words the buyer reads on their receipt and in the mail.</param>
public sealed record RejectClaim([Required, StringLength(500, MinimumLength = 1)] string Note);
