using GamesDrop.BuildingBlocks.Bindings.Mail;
using GamesDrop.Contracts.Orders;
using GamesDrop.Notifier.Clients;
using GamesDrop.Notifier.Features.Deliveries;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// The mails an order's buyer gets: when it is done, keys ready (with the link to reveal them: the account's order page,
/// or for a guest a receipt link minted for this mail), or the money back for what could not be delivered; and a refund.
/// </summary>
public sealed class ReceiptMails(MailTemplates mail, StoreLinks links)
{
    /// <summary>Queues the receipt mail of a finished order, once per <paramref name="eventId"/>.</summary>
    public async Task QueueAsync(string eventId, OrderCompleted completed, OrderSales sales, KernelOrdersClient kernel, NotificationOutbox outbox, CancellationToken ct)
    {
        // Sealed in the queue and erased once sent, the guest's link exists in clear nowhere but the mail.
        var guestToken = completed is { UserId: null, KeysDelivered: > 0 } ? await kernel.MintReceiptLinkAsync(completed.OrderId, ct) : null;
        await outbox.EnqueueAsync(eventId, Channels.Mail, $"Receipt mail to {completed.Email} for order {sales.Number}",
            Compose(completed, sales, guestToken), ct);
    }

    /// <param name="guestReceiptToken">A guest order's fresh receipt token when keys were delivered; null for an account's order.</param>
    public OutgoingMail Compose(OrderCompleted completed, OrderSales sales, string? guestReceiptToken)
    {
        var refunded = sales.Status is OrderStatuses.Refunded or OrderStatuses.PartiallyRefunded;
        var lines = sales.Lines.Select(l => $"{l.Quantity} × {l.Title}{(l.Status == LineStatuses.Refunded ? " (refunded)" : "")}").ToList();
        var intro = sales.Status == OrderStatuses.Refunded
            ? $"We could not deliver order {sales.Number}, so we refunded it in full. The money is on its way back to your PayPal account."
            : refunded
                ? $"Order {sales.Number} is ready: {completed.KeysDelivered} key(s) are waiting for you. What we could not deliver is refunded to your PayPal account."
                : $"Order {sales.Number} is ready: {completed.KeysDelivered} key(s) are waiting for you.";
        var subject = sales.Status == OrderStatuses.Refunded ? $"Order {sales.Number} refunded" : $"Your keys for order {sales.Number}";
        (string, string)? link = completed.KeysDelivered == 0 ? null
            : completed.UserId is not null ? ("Reveal your keys", links.AccountOrder(completed.OrderId))
            : guestReceiptToken is not null ? ("Reveal your keys", links.Receipt(guestReceiptToken))
            : null;
        var after = completed.UserId is null && completed.KeysDelivered > 0
            ? ["Anyone with this link can reveal your keys: keep this mail to yourself.", "Thank you for shopping at GamesDrop."]
            : new[] { "Thank you for shopping at GamesDrop." };
        return mail.Compose(completed.Email, subject, "Hello,", [intro, .. lines], link, after);
    }

    /// <summary>How staff resolved the buyer's claim on a key; a rejection carries staff's reason.</summary>
    public OutgoingMail Claim(ClaimResolved resolved, string email) =>
        mail.Compose(email, $"Your claim on order {resolved.Number}", "Hello,", [resolved.Status switch
        {
            ClaimStatuses.Replaced => $"We replaced your key for {resolved.Title}. The new key is on your order, beside the old one: open the order from your account or your receipt mail to reveal it.",
            ClaimStatuses.Refunded => $"We refunded {resolved.Title}. The money is on its way back to your PayPal account; PayPal usually shows it within a few days.",
            _ => $"We looked into your claim on {resolved.Title} and could not accept it: {resolved.Note}",
        }], null, ["Reply to this mail if something is still wrong.", "Thank you for shopping at GamesDrop."]);

    public OutgoingMail Refund(OrderRefunded refunded, string email) =>
        mail.Compose(email, $"Refund on order {refunded.Number}", "Hello,",
            [$"We refunded {MailTemplates.Money(refunded.Amount, refunded.Currency)} on order {refunded.Number}. The money is on its way back to your PayPal account; PayPal usually shows it within a few days."],
            null, ["Thank you for shopping at GamesDrop."]);
}
