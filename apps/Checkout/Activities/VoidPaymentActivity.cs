using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>Releases a held order's authorised money at PayPal (denied, or not reviewed in time); a repeat changes nothing.</summary>
public sealed class VoidPaymentActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<Guid, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        if (order.Payment?.AuthorizationId is not { } authorizationId || order.Payment.CaptureId is not null)
        {
            return false;
        }
        await paypal.VoidAuthorizationAsync(authorizationId, orderId, CancellationToken.None);
        return true;
    }
}
