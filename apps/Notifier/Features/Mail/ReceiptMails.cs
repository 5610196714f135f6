using GamesDrop.BuildingBlocks.Bindings.Mail;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// The mail an order's buyer gets when it is done: keys ready (with the link to reveal them in the account), or the
/// money back for what could not be delivered.
/// </summary>
public sealed class ReceiptMails(MailTemplates mail, StoreLinks links)
{
    public OutgoingMail Compose(OrderCompleted completed, OrderSales sales)
    {
        var refunded = sales.Status is OrderStatuses.Refunded or OrderStatuses.PartiallyRefunded;
        var lines = sales.Lines.Select(l => $"{l.Quantity} × {l.Title}{(l.Status == LineStatuses.Refunded ? " (refunded)" : "")}").ToList();
        var intro = sales.Status == OrderStatuses.Refunded
            ? $"We could not deliver order {sales.Number}, so we refunded it in full. The money is on its way back to your PayPal account."
            : refunded
                ? $"Order {sales.Number} is ready: {completed.KeysDelivered} key(s) are waiting for you. What we could not deliver is refunded to your PayPal account."
                : $"Order {sales.Number} is ready: {completed.KeysDelivered} key(s) are waiting for you.";
        var subject = sales.Status == OrderStatuses.Refunded ? $"Order {sales.Number} refunded" : $"Your keys for order {sales.Number}";
        (string, string)? link = completed.UserId is not null && completed.KeysDelivered > 0 ? ("Reveal your keys", links.AccountOrder(completed.OrderId)) : null;
        var after = completed.UserId is null && completed.KeysDelivered > 0
            ? ["Open the receipt link you got at checkout to reveal your keys.", "Thank you for shopping at GamesDrop."]
            : new[] { "Thank you for shopping at GamesDrop." };
        return mail.Compose(completed.Email, subject, "Hello,", [intro, .. lines], link, after);
    }
}
