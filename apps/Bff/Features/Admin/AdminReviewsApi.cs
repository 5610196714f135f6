using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Kernel;
using GamesDrop.Bff.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// Staff review of orders the fraud check held: approve captures the authorised payment, deny voids it. Who decided goes
/// on the order's timeline. Admin role only.
/// </summary>
public static class AdminReviewsApi
{
    public static RouteGroupBuilder MapAdminReviews(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders/{orderId}");
        group.MapPost("/approve", (Guid orderId, HttpContext http, KernelAccounts accounts, CheckoutClient checkout, CancellationToken ct) =>
            DecideAsync(orderId, true, http, accounts, checkout, ct));
        group.MapPost("/deny", (Guid orderId, HttpContext http, KernelAccounts accounts, CheckoutClient checkout, CancellationToken ct) =>
            DecideAsync(orderId, false, http, accounts, checkout, ct));
        return routes;
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DecideAsync(
        Guid orderId, bool approved, HttpContext http, KernelAccounts accounts, CheckoutClient checkout, CancellationToken ct)
    {
        var adminId = http.UserId();
        var decidedBy = (await accounts.GetAsync(adminId, ct)).Value?.Email ?? adminId.ToString("D");
        return await checkout.ReviewAsync(orderId, approved, decidedBy, ct) switch
        {
            null => TypedResults.NoContent(),
            HttpStatusCode.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem("Only an order on hold for review can be approved or denied.", title: "The order is not on hold",
                statusCode: StatusCodes.Status409Conflict),
        };
    }
}
