using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// Takes a held order's authorised money once staff approved it, at most once: a capture the kernel holds is not asked
/// for again, and PayPal replays or reads back the first. False when PayPal no longer honours the authorization.
/// </summary>
public sealed class CaptureAuthorizationActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<Guid, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        if (order.Payment is not { ProviderOrderId: { } payPalOrderId, AuthorizationId: { } authorizationId } payment)
        {
            throw new InvalidOperationException($"Order {orderId} has no authorised payment to capture.");
        }
        if (payment.CaptureId is not null)
        {
            return true;
        }
        PayPalCapture capture;
        try
        {
            capture = await paypal.CaptureAuthorizationAsync(authorizationId, payPalOrderId, orderId, CancellationToken.None);
        }
        catch (PayPalException e) when (e.Issue is PayPalIssues.AuthorizationExpired or PayPalIssues.AuthorizationVoided)
        {
            return false;
        }
        if (capture.Status is "DECLINED" or "FAILED")
        {
            return false;
        }
        await kernel.RecordCaptureAsync(orderId, payPalOrderId, capture.Id,
            capture.Amount?.Amount ?? order.Total, capture.Amount?.CurrencyCode ?? order.Currency, CancellationToken.None);
        return true;
    }
}
