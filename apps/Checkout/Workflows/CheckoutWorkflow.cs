using Dapr.Workflow;
using GamesDrop.Checkout.Activities;

namespace GamesDrop.Checkout.Workflows;

/// <summary>
/// One order from reservation to delivered keys (DESIGN.md, flow 1). Deterministic: it holds ids, never keys or
/// documents, reads time only from the context, and leaves every side effect to an idempotent activity. It starts from
/// the order's recorded stage, so an instance scheduled again for the same order (the reconciler's remedy) never pays,
/// captures or buys twice.
/// </summary>
public sealed class CheckoutWorkflow : Workflow<CheckoutInput, CheckoutOutcome>
{
    public const string ApprovalEvent = "payment-approved";

    // Activities talk to the kernel, PayPal and suppliers: transient failures are retried with a durable backoff.
    private static readonly WorkflowTaskOptions Retry = new(new WorkflowRetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public override async Task<CheckoutOutcome> RunAsync(WorkflowContext context, CheckoutInput input)
    {
        var stage = await context.CallActivityAsync<OrderStage>(nameof(LoadOrderActivity), input.OrderId, Retry);
        if (stage.IsFinal)
        {
            return new CheckoutOutcome(stage.Status);
        }
        if (!stage.IsPaid)
        {
            var refusal = await PayAsync(context, input, stage);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        context.SetCustomStatus(new CheckoutProgress("fulfilling", null));
        var failed = new List<long>();
        foreach (var lineId in stage.LineIds)
        {
            if (!await FulfilAsync(context, input, lineId))
            {
                failed.Add(lineId);
            }
        }
        if (failed.Count > 0)
        {
            await context.CallActivityAsync<bool>(nameof(RefundLinesActivity), input.OrderId, Retry);
        }
        var final = await context.CallActivityAsync<string>(nameof(CompleteOrderActivity), input.OrderId, Retry);
        context.SetCustomStatus(new CheckoutProgress(final, null));
        return new CheckoutOutcome(final);
    }

    // Reserve → fraud and region policy → PayPal order → approval (or timeout) → capture. Null once paid.
    private static async Task<CheckoutOutcome?> PayAsync(WorkflowContext context, CheckoutInput input, OrderStage stage)
    {
        if (!stage.IsReserved)
        {
            var reserved = await context.CallActivityAsync<ReservationOutcome>(nameof(ReserveOrderActivity), input.OrderId, Retry);
            if (!reserved.Reserved)
            {
                return await ReleaseAsync(context, input, "cancelled", reserved.Reason ?? "Not enough stock.");
            }
        }
        var policy = await context.CallActivityAsync<PolicyDecision>(nameof(CheckOrderPolicyActivity), input.OrderId, Retry);
        if (!policy.Allowed)
        {
            return await ReleaseAsync(context, input, "cancelled", policy.Reason ?? "The order cannot be accepted.");
        }
        var payment = await context.CallActivityAsync<PaymentStarted>(nameof(CreatePaymentActivity), input.OrderId, Retry);
        context.SetCustomStatus(new CheckoutProgress("awaiting_payment", payment.ApproveUrl));

        var deadline = context.CurrentUtcDateTime + input.ApprovalTimeout;
        while (true)
        {
            var left = deadline - context.CurrentUtcDateTime;
            PaymentDecision decision;
            try
            {
                decision = left > TimeSpan.Zero
                    ? await context.WaitForExternalEventAsync<PaymentDecision>(ApprovalEvent, left)
                    : throw new TaskCanceledException();
            }
            catch (TaskCanceledException)
            {
                return await ReleaseAsync(context, input, "expired", "Payment was not approved in time.");
            }
            if (!decision.Approved)
            {
                return await ReleaseAsync(context, input, "cancelled", "Payment was cancelled.");
            }
            // A return or webhook only says "look now": PayPal decides whether the order is approved.
            var capture = await context.CallActivityAsync<CaptureOutcome>(nameof(CapturePaymentActivity), input.OrderId, Retry);
            if (capture.Captured)
            {
                return null;
            }
            if (!capture.NotApprovedYet)
            {
                return await ReleaseAsync(context, input, "failed", capture.Reason ?? "The payment was declined.");
            }
        }
    }

    // A line from own stock, else bought from suppliers; a purchase whose outcome is pending is asked about again later.
    private static async Task<bool> FulfilAsync(WorkflowContext context, CheckoutInput input, long lineId)
    {
        var result = await context.CallActivityAsync<LineFulfilment>(nameof(FulfilLineActivity), new FulfilLine(input.OrderId, lineId, null), Retry);
        for (var poll = 0; result.Pending is not null && poll < input.MaxPurchasePolls; poll++)
        {
            await context.CreateTimer(PollDelay(poll, input.FirstPurchasePoll, input.PurchasePollInterval));
            result = await context.CallActivityAsync<LineFulfilment>(
                nameof(FulfilLineActivity), new FulfilLine(input.OrderId, lineId, result.Pending), Retry);
        }
        if (result.Pending is not null)
        {
            // Still unconfirmed after every poll: the shopper is refunded; the supplier order stays on the line for ops to chase.
            await context.CallActivityAsync<bool>(nameof(FailLineActivity), new LineFailure(input.OrderId, lineId,
                $"{result.Pending.Supplier} did not confirm purchase {result.Pending.SupplierOrderId}."), Retry);
        }
        return result.Fulfilled;
    }

    // Most keys arrive within seconds: ask again soon, then back off to the configured interval.
    private static TimeSpan PollDelay(int poll, TimeSpan first, TimeSpan longest) =>
        TimeSpan.FromTicks(Math.Min(longest.Ticks, first.Ticks * (1L << Math.Min(poll, 20))));

    private static async Task<CheckoutOutcome> ReleaseAsync(WorkflowContext context, CheckoutInput input, string status, string reason)
    {
        await context.CallActivityAsync<bool>(nameof(ReleaseOrderActivity), new OrderRelease(input.OrderId, status, reason), Retry);
        context.SetCustomStatus(new CheckoutProgress(status, null));
        return new CheckoutOutcome(status);
    }
}

/// <summary>The workflow's input: the order, and the timings the checkout app is configured with.</summary>
public sealed record CheckoutInput(Guid OrderId, TimeSpan ApprovalTimeout, TimeSpan FirstPurchasePoll, TimeSpan PurchasePollInterval, int MaxPurchasePolls);

public sealed record CheckoutOutcome(string Status);

/// <summary>The custom status: where the order stands, and PayPal's approval link while it is awaited.</summary>
public sealed record CheckoutProgress(string Stage, string? ApproveUrl);

/// <summary>The external event a return, cancel or PayPal webhook raises: approved means "capture now".</summary>
public sealed record PaymentDecision(bool Approved, string PayPalOrderId, string Source);
