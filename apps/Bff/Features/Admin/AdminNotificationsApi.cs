using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>Alerts, report rows and mails that did not go out, with a resend; admin role only.</summary>
public static class AdminNotificationsApi
{
    public static RouteGroupBuilder MapAdminNotifications(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/notifications");
        group.MapGet("/undelivered", async (NotifierClient notifier, CancellationToken ct) => TypedResults.Ok(await notifier.UndeliveredAsync(ct)));
        group.MapPost("/{id:long}/resend", ResendAsync);
        return routes;
    }

    private static async Task<Results<NoContent, NotFound>> ResendAsync(long id, NotifierClient notifier, CancellationToken ct) =>
        await notifier.ResendAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
