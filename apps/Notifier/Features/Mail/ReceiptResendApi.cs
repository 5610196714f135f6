using GamesDrop.Contracts.Orders;
using GamesDrop.Notifier.Clients;
using GamesDrop.Notifier.Features.Deliveries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// The receipt mail of a finished order, sent again when staff ask (the BFF admits only admins and audits it): the same
/// mail the order's completion sent, with a fresh receipt link for a guest.
/// </summary>
public static class ReceiptResendApi
{
    private static readonly IReadOnlySet<string> Delivered = new HashSet<string>
    {
        OrderStatuses.Completed, OrderStatuses.PartiallyRefunded, OrderStatuses.Refunded,
    };

    public static RouteGroupBuilder MapReceiptResend(this RouteGroupBuilder routes)
    {
        routes.MapPost("/mail/orders/{orderId}/receipt", ResendAsync).WithTags("Mail");
        return routes;
    }

    /// <param name="body">Its request id keeps a retried call to one mail.</param>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ResendAsync(
        Guid orderId, ReceiptResend body, KernelOrdersClient kernel, ReceiptMails receipts, NotificationOutbox outbox,
        TimeProvider clock, CancellationToken ct)
    {
        if (await kernel.OrderAsync(orderId, ct) is not { } order)
        {
            return TypedResults.NotFound();
        }
        if (!Delivered.Contains(order.Status))
        {
            return TypedResults.Problem($"The order is {order.Status}; a receipt goes out once it is finished.", statusCode: StatusCodes.Status409Conflict);
        }
        var keys = order.Lines.Where(l => l.Status == LineStatuses.Fulfilled).Sum(l => l.Quantity);
        var completed = new OrderCompleted(order.OrderId, order.Number, order.UserId, order.Email, keys, clock.GetUtcNow());
        await receipts.QueueAsync($"receipt-resend:{body.RequestId:D}", completed, await kernel.SalesAsync(orderId, ct), kernel, outbox, ct);
        return TypedResults.NoContent();
    }
}

public sealed record ReceiptResend(Guid RequestId);
