using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
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

    // The audit keeps what was sent again, as the list showed it: a resend may deliver a message staff held back.
    private static async Task<Results<NoContent, NotFound>> ResendAsync(long id, HttpContext http, AdminAudit audit, NotifierClient notifier, CancellationToken ct)
    {
        var before = (await notifier.UndeliveredAsync(ct)).FirstOrDefault(n => n.Id == id);
        if (before is null || !await notifier.ResendAsync(id, ct))
        {
            return TypedResults.NotFound();
        }
        await audit.RecordAsync(http, await audit.ActorAsync(http, ct), AuditActions.NotificationResend, AuditActions.Notification,
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { before.Channel, before.Summary, before.Status, before.Attempts, before.LastError },
            new { status = "resent" }, ct);
        return TypedResults.NoContent();
    }
}
