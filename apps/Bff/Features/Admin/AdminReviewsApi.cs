using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// Staff review of orders the fraud check held: approve captures the authorised payment, deny voids it. Who decided goes
/// on the order's timeline and in the audit.
/// </summary>
public static class AdminReviewsApi
{
    public static RouteGroupBuilder MapAdminReviews(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders/{orderId}");
        group.MapPost("/approve", (Guid orderId, HttpContext http, AdminAudit audit, CheckoutClient checkout, CancellationToken ct) =>
            DecideAsync(orderId, true, http, audit, checkout, ct));
        group.MapPost("/deny", (Guid orderId, HttpContext http, AdminAudit audit, CheckoutClient checkout, CancellationToken ct) =>
            DecideAsync(orderId, false, http, audit, checkout, ct));
        return routes;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DecideAsync(
        Guid orderId, bool approved, HttpContext http, AdminAudit audit, CheckoutClient checkout, CancellationToken ct)
    {
        var decidedBy = await audit.ActorAsync(http, ct);
        var before = await audit.OrderStateAsync(orderId, ct);
        switch ((await checkout.ReviewAsync(orderId, approved, decidedBy, ct)).Status)
        {
            case HttpStatusCode.NotFound:
                return TypedResults.NotFound();
            case HttpStatusCode.Conflict:
                return TypedResults.Problem("Only an order on hold for review can be approved or denied.", title: "The order is not on hold",
                    statusCode: StatusCodes.Status409Conflict);
        }
        // The workflow captures or voids after this answer; the audit keeps the decision, the timeline what followed.
        await audit.RecordAsync(http, decidedBy, approved ? AuditActions.Approve : AuditActions.Deny, orderId, before,
            new { decision = approved ? "approved" : "denied" }, ct);
        return TypedResults.NoContent();
    }
}
