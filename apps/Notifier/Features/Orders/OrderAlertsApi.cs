using System.Globalization;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Notifier.Clients;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.Notifier.Features.Telegram;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Notifier.Features.Orders;

/// <summary>Ops alerts on Telegram for orders that were paid, held for review, failed, refunded or stopped moving; one per CloudEvent id.</summary>
public static class OrderAlertsApi
{
    public static RouteGroupBuilder MapOrderAlerts(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/alerts").WithTags("Alerts");
        group.MapPost("/order-paid", PaidAsync).WithSubscription(Topics.OrderPaid);
        group.MapPost("/order-failed", FailedAsync).WithSubscription(Topics.OrderFailed);
        group.MapPost("/order-refunded", RefundedAsync).WithSubscription(Topics.OrderRefunded);
        group.MapPost("/order-stuck", StuckAsync).WithSubscription(Topics.OrderStuck);
        group.MapPost("/order-held", HeldAsync).WithSubscription(Topics.OrderHeld);
        return routes;
    }

    private static Task<Ok> PaidAsync(
        OrderPaid paid, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"💶 Order {paid.Number} paid", TelegramText.Money(paid.Amount, paid.Currency),
            links.AdminOrder(paid.OrderId), "Open the order"), $"Paid order {paid.Number}", outbox, ct);

    private static Task<Ok> FailedAsync(
        OrderFailed failed, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"❌ Order {failed.Number} failed", failed.Reason,
            links.AdminOrder(failed.OrderId), "Open the order"), $"Failed order {failed.Number}", outbox, ct);

    // The buyer's address is asked of the kernel here rather than carried by the event, so it stays off the bus.
    private static async Task<Ok> RefundedAsync(
        OrderRefunded refunded, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, KernelOrdersClient kernel, ReceiptMails receipts,
        NotificationOutbox outbox, CancellationToken ct)
    {
        if (await kernel.EmailAsync(refunded.OrderId, ct) is { } email)
        {
            await outbox.EnqueueAsync(eventId, Channels.Mail, $"Refund mail to {email} for order {refunded.Number}", receipts.Refund(refunded, email), ct);
        }
        return await TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"↩️ Refund on order {refunded.Number}",
            TelegramText.Money(refunded.Amount, refunded.Currency) + " refunded", links.AdminOrder(refunded.OrderId), "Open the order"),
            $"Refund on order {refunded.Number}", outbox, ct);
    }

    private static Task<Ok> StuckAsync(
        OrderStuck stuck, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"⏳ Order {stuck.Number} stuck in {stuck.Status}", stuck.Action,
            links.AdminOrder(stuck.OrderId), "Open the order"), $"Stuck order {stuck.Number}", outbox, ct);

    // Staff must decide before the review window ends, or the authorization is voided and the sale is lost.
    private static Task<Ok> HeldAsync(
        OrderHeld held, [FromHeader(Name = MailApi.EventIdHeader)] string eventId, StoreLinks links, NotificationOutbox outbox, CancellationToken ct) =>
        TelegramAlerts.QueueAsync(eventId, TelegramText.Alert($"🛑 Order {held.Number} held for review",
            string.Create(CultureInfo.InvariantCulture, $"{TelegramText.Money(held.Total, held.Currency)}, decide by {held.ReviewBy.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {string.Join("; ", held.Reasons)}"),
            links.AdminOrder(held.OrderId), "Review the order"), $"Held order {held.Number}", outbox, ct);
}
