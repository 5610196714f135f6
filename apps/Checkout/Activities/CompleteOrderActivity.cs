using Dapr.Workflow;
using GamesDrop.Checkout.Clients;

namespace GamesDrop.Checkout.Activities;

/// <summary>Closes a paid order once every line is delivered or refunded; the kernel picks the final status and announces it.</summary>
public sealed class CompleteOrderActivity(KernelOrderSteps kernel) : WorkflowActivity<Guid, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        await kernel.CompleteAsync(orderId, CancellationToken.None);
        return (await kernel.GetAsync(orderId, CancellationToken.None))!.Status;
    }
}
