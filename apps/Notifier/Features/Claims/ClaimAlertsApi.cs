using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Notifier.Clients;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.Notifier.Features.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Notifier.Features.Claims;

/// <summary>
/// Claims on keys that do not work: staff hear of a new one on Telegram (with the claims page to resolve it), the buyer gets a
/// mail when it is resolved. One message per channel per CloudEvent id.
/// </summary>
public static class ClaimAlertsApi
{
    public static RouteGroupBuilder MapClaimAlerts(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/alerts").WithTags("Alerts");
        group.MapPost("/claim-opened", OpenedAsync).WithSubscription(Topics.ClaimOpened);
        group.MapPost("/claim-resolved", ResolvedAsync).WithSubscription(Topics.ClaimResolved);
        return routes;
    }

    private static Task<Ok> OpenedAsync(
        ClaimOpened opened, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"🔑 Claim on order {opened.Number}: {opened.Title}",
            $"{ReasonWords(opened.Reason)}; the key came from {opened.Supplier ?? "own stock"}", links.AdminClaims(), "Resolve the claim"),
            $"Claim {opened.ClaimId} on order {opened.Number}", outbox, ct);

    // The buyer's address is asked of the kernel, as for refunds, so it stays off the bus.
    private static async Task<Ok> ResolvedAsync(
        ClaimResolved resolved, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, KernelOrdersClient kernel, ReceiptMails receipts,
        NotificationOutbox outbox, CancellationToken ct)
    {
        if (await kernel.EmailAsync(resolved.OrderId, ct) is { } email)
        {
            await outbox.EnqueueAsync(eventId, Channels.Mail, $"Claim mail to {email} for order {resolved.Number}", receipts.Claim(resolved, email), ct);
        }
        return TypedResults.Ok();
    }

    private static string ReasonWords(string reason) => reason switch
    {
        ClaimReasons.AlreadyUsed => "already used",
        ClaimReasons.Invalid => "not accepted as valid",
        ClaimReasons.WrongRegion => "wrong region",
        ClaimReasons.WrongPlatform => "wrong platform",
        _ => "other problem",
    };
}
