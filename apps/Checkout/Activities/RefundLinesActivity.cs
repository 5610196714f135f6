using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.Features.Refunds;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>Refunds the paid lines that could not be delivered.</summary>
public sealed class RefundLinesActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<Guid, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        return await LineRefunds.RefundAsync(kernel, paypal, order, order.Lines.Where(l => l.Status == "failed").ToList(), CancellationToken.None);
    }
}
