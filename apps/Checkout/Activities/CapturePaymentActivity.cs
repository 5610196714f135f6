using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// Captures the approved PayPal order at most once: a capture the kernel already holds is not asked for again, PayPal's
/// request id makes a repeated capture return the first, and "already captured" reads the existing capture. The payer
/// is checked first, so a payer the rules stop is never charged.
/// </summary>
public sealed class CapturePaymentActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<Guid, PaymentOutcome>
{
    public override async Task<PaymentOutcome> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        var payment = order.Payment is { ProviderOrderId: not null } p ? p : throw new InvalidOperationException($"Order {orderId} has no payment to capture.");
        if (payment.CaptureId is not null)
        {
            return PaymentOutcome.Done;
        }
        if (await PayerPolicy.StopAsync(kernel, orderId, await paypal.GetOrderAsync(payment.ProviderOrderId!, CancellationToken.None), chargesAtOnce: true) is { } stop)
        {
            return stop;
        }
        PayPalCaptureResult result;
        try
        {
            result = await paypal.CaptureOrderAsync(payment.ProviderOrderId!, orderId, CancellationToken.None);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.OrderNotApproved)
        {
            return PaymentOutcome.NotApprovedYet;
        }
        if (result is not { Outcome: not PayPalCaptureOutcome.Declined, Capture: { } capture })
        {
            return PaymentOutcome.Declined(result.DeclineReason);
        }
        // A pending capture (an eCheck) is money PayPal has taken and settles later; it counts as paid like a completed one.
        await kernel.RecordCaptureAsync(orderId, payment.ProviderOrderId!, capture.Id,
            capture.Amount?.Amount ?? order.Total, capture.Amount?.CurrencyCode ?? order.Currency, CancellationToken.None);
        return PaymentOutcome.Done;
    }
}

/// <summary>
/// How taking (or, for a held order, authorising) the payment went: done; not approved on PayPal yet (wait on); or
/// stopped, ending the order as <paramref name="EndAs"/> for <paramref name="Reason"/>.
/// </summary>
public sealed record PaymentOutcome(bool Taken, bool WaitForApproval, string? Reason, string EndAs)
{
    public static readonly PaymentOutcome Done = new(true, false, null, OrderStatuses.Paid);

    public static readonly PaymentOutcome NotApprovedYet = new(false, true, null, OrderStatuses.AwaitingPayment);

    public static PaymentOutcome Declined(string? reason) => new(false, false, reason ?? "The payment was declined.", OrderStatuses.Failed);
}
