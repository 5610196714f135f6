using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// Captures the approved PayPal order at most once: a capture the kernel already holds is not asked for again, PayPal's
/// request id makes a repeated capture return the first, and "already captured" reads the existing capture.
/// </summary>
public sealed class CapturePaymentActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<Guid, CaptureOutcome>
{
    public override async Task<CaptureOutcome> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        var payment = order.Payment is { ProviderOrderId: not null } p ? p : throw new InvalidOperationException($"Order {orderId} has no payment to capture.");
        if (payment.CaptureId is not null)
        {
            return new CaptureOutcome(true, false, null);
        }
        PayPalCaptureResult result;
        try
        {
            result = await paypal.CaptureOrderAsync(payment.ProviderOrderId!, orderId, CancellationToken.None);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.OrderNotApproved)
        {
            return new CaptureOutcome(false, true, null);
        }
        if (result is not { Outcome: not PayPalCaptureOutcome.Declined, Capture: { } capture })
        {
            return new CaptureOutcome(false, false, result.DeclineReason ?? "The payment was declined.");
        }
        // A pending capture (an eCheck) is money PayPal has taken and settles later; it counts as paid like a completed one.
        await kernel.RecordCaptureAsync(orderId, payment.ProviderOrderId!, capture.Id,
            capture.Amount?.Amount ?? order.Total, capture.Amount?.CurrencyCode ?? order.Currency, CancellationToken.None);
        return new CaptureOutcome(true, false, null);
    }
}

public sealed record CaptureOutcome(bool Captured, bool NotApprovedYet, string? Reason);
