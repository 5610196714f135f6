using Dapr.Workflow;
using GamesDrop.Checkout.Activities;
using GamesDrop.Contracts.Orders;

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
    public const string ReviewEvent = "review-decision";

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

    // Reserve → fraud policy → PayPal order → approval (or timeout) → capture; a held order is authorised, then reviewed.
    // Null once paid.
    private static async Task<CheckoutOutcome?> PayAsync(WorkflowContext context, CheckoutInput input, OrderStage stage)
    {
        if (stage.Status != OrderStatuses.Held)
        {
            if (!stage.IsReserved)
            {
                var reserved = await context.CallActivityAsync<ReservationOutcome>(nameof(ReserveOrderActivity), input.OrderId, Retry);
                if (!reserved.Reserved)
                {
                    return await ReleaseAsync(context, input, OrderStatuses.Cancelled, reserved.Reason ?? "Not enough stock.");
                }
            }
            var policy = await context.CallActivityAsync<PolicyDecision>(nameof(CheckOrderPolicyActivity), input.OrderId, Retry);
            if (policy.Refused)
            {
                return await ReleaseAsync(context, input, OrderStatuses.Cancelled, policy.Reason!);
            }
            var payment = await context.CallActivityAsync<PaymentStarted>(nameof(CreatePaymentActivity), new CreatePayment(input.OrderId, policy.Held), Retry);
            context.SetCustomStatus(new CheckoutProgress(OrderStatuses.AwaitingPayment, payment.ApproveUrl));
            if (await ApproveAsync(context, input, policy.Held) is { } ended)
            {
                return ended;
            }
            if (!policy.Held)
            {
                return null;
            }
        }
        return await ReviewAsync(context, input);
    }

    // Waits for the buyer's approval, then captures, or for a held order authorises; the payer is checked first either way.
    private static async Task<CheckoutOutcome?> ApproveAsync(WorkflowContext context, CheckoutInput input, bool held)
    {
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
                return await ReleaseAsync(context, input, OrderStatuses.Expired, "Payment was not approved in time.");
            }
            if (!decision.Approved)
            {
                return await ReleaseAsync(context, input, OrderStatuses.Cancelled, "Payment was cancelled.");
            }
            // A return or webhook only says "look now": PayPal decides whether the order is approved.
            var outcome = held
                ? await context.CallActivityAsync<PaymentOutcome>(nameof(AuthorizePaymentActivity),
                    new AuthorizePayment(input.OrderId, context.CurrentUtcDateTime + input.ReviewWindow), Retry)
                : await context.CallActivityAsync<PaymentOutcome>(nameof(CapturePaymentActivity), input.OrderId, Retry);
            if (outcome.Taken)
            {
                return null;
            }
            if (!outcome.WaitForApproval)
            {
                return await ReleaseAsync(context, input, outcome.EndAs, outcome.Reason!);
            }
        }
    }

    // A held order's money is only authorised: captured once staff approve, voided when they deny or the window ends.
    private static async Task<CheckoutOutcome?> ReviewAsync(WorkflowContext context, CheckoutInput input)
    {
        context.SetCustomStatus(new CheckoutProgress(OrderStatuses.Held, null));
        string outcome;
        string decidedBy;
        try
        {
            var review = await context.WaitForExternalEventAsync<ReviewDecision>(ReviewEvent, input.ReviewWindow);
            (outcome, decidedBy) = (review.Approved ? ReviewOutcomes.Approved : ReviewOutcomes.Denied, review.DecidedBy);
        }
        catch (TaskCanceledException)
        {
            (outcome, decidedBy) = (ReviewOutcomes.Expired, ReviewOutcomes.ReviewWindow);
        }
        await context.CallActivityAsync<bool>(nameof(RecordReviewActivity), new ReviewRecord(input.OrderId, outcome, decidedBy), Retry);
        if (outcome == ReviewOutcomes.Approved && await context.CallActivityAsync<bool>(nameof(CaptureAuthorizationActivity), input.OrderId, Retry))
        {
            return null;
        }
        await context.CallActivityAsync<bool>(nameof(VoidPaymentActivity), input.OrderId, Retry);
        return outcome switch
        {
            ReviewOutcomes.Approved => await ReleaseAsync(context, input, OrderStatuses.Failed, "PayPal no longer held the payment, so nothing was charged."),
            ReviewOutcomes.Denied => await ReleaseAsync(context, input, OrderStatuses.Cancelled,
                "After review we could not accept this order. The payment was released; nothing was charged."),
            _ => await ReleaseAsync(context, input, OrderStatuses.Cancelled,
                "We could not finish reviewing this order in time. The payment was released; nothing was charged."),
        };
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
public sealed record CheckoutInput(
    Guid OrderId, TimeSpan ApprovalTimeout, TimeSpan FirstPurchasePoll, TimeSpan PurchasePollInterval, int MaxPurchasePolls, TimeSpan ReviewWindow);

public sealed record CheckoutOutcome(string Status);

/// <summary>The custom status: where the order stands, and PayPal's approval link while it is awaited.</summary>
public sealed record CheckoutProgress(string Stage, string? ApproveUrl);

/// <summary>The external event staff raise for a held order: capture (approved) or void; who decided goes on the timeline.</summary>
public sealed record ReviewDecision(bool Approved, string DecidedBy);

/// <summary>The external event a return, cancel or PayPal webhook raises: approved means "capture now".</summary>
public sealed record PaymentDecision(bool Approved, string PayPalOrderId, string Source);
