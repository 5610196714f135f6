using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Fraud;
using GamesDrop.Kernel.Features.Keys;
using GamesDrop.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static GamesDrop.Kernel.Features.Orders.OrderChange;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>An order's one payment: created at the provider, captured once, refunded by refund id.</summary>
public static class PaymentsApi
{
    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/orders/{orderId}").WithTags("Checkout orders");
        group.MapPost("/payment", CreateAsync);
        group.MapPost("/payment/authorized", AuthorizedAsync);
        group.MapPost("/payment/captured", CapturedAsync);
        group.MapPost("/refunds", RefundAsync);
        return routes;
    }

    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid orderId, RecordPayment body, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            if (await PaymentAsync(order) is { } payment)
            {
                return payment.ProviderOrderId == body.ProviderOrderId ? null : Conflict("The order already has a payment with another provider order.");
            }
            if (order.Order.Status != OrderStatuses.Reserved)
            {
                return Conflict($"The order is {order.Order.Status}; a payment is created for a reserved order.");
            }
            if (body.Amount != order.Order.Total || body.Currency != order.Order.Currency)
            {
                return Conflict($"The order's total is {order.Order.Total} {order.Order.Currency}.");
            }
            await order.ExecuteAsync(PaymentsSql.Create, new
            {
                Id = Guid.CreateVersion7(), OrderId = orderId, body.ProviderOrderId, body.ApproveUrl, body.Amount, body.Currency,
            });
            await order.MoveAsync(OrderStatuses.AwaitingPayment);
            return null;
        }, ct);

    // A held order: the money is only authorised; the order waits for review with its own-stock keys kept for it.
    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> AuthorizedAsync(
        Guid orderId, RecordAuthorization body, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            if (await PaymentAsync(order, body.ProviderOrderId) is not { } payment)
            {
                return Conflict("The order has no payment with that provider order.");
            }
            if (payment.AuthorizationId is not null)
            {
                return payment.AuthorizationId == body.AuthorizationId ? null : Conflict("The order's payment was already authorised by another authorization.");
            }
            if (order.Order.Status != OrderStatuses.AwaitingPayment)
            {
                return Conflict($"The order is {order.Order.Status}; an authorization is recorded for an order awaiting payment.");
            }
            await order.ExecuteAsync(PaymentsSql.Authorize, new { OrderId = orderId, body.AuthorizationId, ReviewBy = body.ReviewBy.UtcDateTime });
            await order.ExecuteAsync(OrdersSql.KeepStock, new { OrderId = orderId });
            await order.MoveAsync(OrderStatuses.Held);
            var reasons = (await order.QueryAsync<string>(FraudSql.Rules, new { OrderId = orderId })).Select(FraudRules.CustomerWords).Distinct().ToList();
            var o = order.Order;
            await events.PublishAsync(Topics.OrderHeld, new OrderHeld(o.Id, o.Number, o.UserId, o.Email, o.Total, o.Currency, reasons, body.ReviewBy,
                DateTimeOffset.UtcNow), order.Transaction, ct);
            return null;
        }, ct);

    // Money taken is never dropped: a capture reported after the order was released still makes it paid.
    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> CapturedAsync(
        Guid orderId, RecordCapture body, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            if (await PaymentAsync(order, body.ProviderOrderId) is not { } payment)
            {
                return Conflict("The order has no payment with that provider order.");
            }
            if (payment.CaptureId is not null)
            {
                return payment.CaptureId == body.CaptureId ? null : Conflict("The order's payment was already captured by another capture.");
            }
            if (body.Amount != payment.Amount || body.Currency != payment.Currency)
            {
                return Conflict($"The payment is for {payment.Amount} {payment.Currency}.");
            }
            await order.ExecuteAsync(PaymentsSql.Capture, new { OrderId = orderId, body.CaptureId });
            await order.ExecuteAsync(OrdersSql.KeepStock, new { OrderId = orderId });
            await order.MoveAsync(OrderStatuses.Paid);
            StoreMetrics.OrderPaid(body.Amount, body.Currency);
            var o = order.Order;
            await events.PublishAsync(Topics.OrderPaid, new OrderPaid(o.Id, o.Number, o.UserId, o.CartId, body.Amount, body.Currency, DateTimeOffset.UtcNow),
                order.Transaction, ct);
            return null;
        }, ct);

    private static Task<Results<Ok<CheckoutOrder>, NotFound, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid orderId, RecordRefund body, StoreSettings store, IEventPublisher events, NpgsqlDataSource db, CancellationToken ct) =>
        OrderChange.RunAsync(db, orderId, OrderValidation.Validate(body), async order =>
        {
            if (await order.QuerySingleOrDefaultAsync<Guid?>(PaymentsSql.RefundById, new { body.RefundId }) is { } refundedOrder)
            {
                return refundedOrder == orderId ? null : Conflict("That refund id belongs to another order.");
            }
            var payment = await PaymentAsync(order);
            if (payment?.CaptureId is null)
            {
                return Conflict("The order's payment is not captured; there is nothing to refund.");
            }
            if (body.Currency != payment.Currency || payment.RefundedAmount + body.Amount > payment.Amount)
            {
                return Conflict($"At most {payment.Amount - payment.RefundedAmount} {payment.Currency} is left to refund.");
            }
            var lineIds = body.LineIds.Distinct().ToArray();
            if ((await order.QueryAsync<long>(PaymentsSql.LinesOfOrder, new { OrderId = orderId, LineIds = lineIds })).Count != lineIds.Length)
            {
                return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["lineIds"] = ["Lines of this order."] }));
            }
            await order.ExecuteAsync(OrderLinesSql.ReturnUnrevealed, new { LineIds = lineIds });
            await OwnStockAlerts.RestockedAsync(order.Transaction, store, ct);
            await order.ExecuteAsync(PaymentsSql.Refund, new { body.RefundId, OrderId = orderId, body.Amount, body.Currency, LineIds = lineIds });
            await order.StepAsync("refunded", body.RefundId);
            await events.PublishAsync(Topics.OrderRefunded, new OrderRefunded(orderId, order.Order.Number, body.Amount, body.Currency, DateTimeOffset.UtcNow),
                order.Transaction, ct);
            await SettleAsync(order);
            return null;
        }, ct);

    // A refund after completion (an unrevealed key refunded later) moves the order to what its lines now say.
    private static async Task SettleAsync(OrderTransaction order)
    {
        if (order.Order.Status is not (OrderStatuses.Completed or OrderStatuses.PartiallyRefunded))
        {
            return;
        }
        var lines = await order.QueryAsync<LineOutcome>(OrdersSql.LineOutcomes, new { OrderId = order.Order.Id });
        if (FinalStatus.Of(lines) is var status && status != order.Order.Status)
        {
            await order.MoveAsync(status);
        }
    }

    private static Task<PaymentRow?> PaymentAsync(OrderTransaction order) =>
        order.QuerySingleOrDefaultAsync<PaymentRow>(PaymentsSql.ByOrder, new { OrderId = order.Order.Id });

    // The order's payment, only when it is the one this provider order reports on.
    private static async Task<PaymentRow?> PaymentAsync(OrderTransaction order, string providerOrderId) =>
        await PaymentAsync(order) is { } payment && payment.ProviderOrderId == providerOrderId ? payment : null;

    private sealed record PaymentRow(
        string? ProviderOrderId, string? CaptureId, decimal Amount, decimal RefundedAmount, string Currency, string? AuthorizationId);
}
