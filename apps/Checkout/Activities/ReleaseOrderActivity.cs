using Dapr.Workflow;
using GamesDrop.Checkout.Clients;

namespace GamesDrop.Checkout.Activities;

/// <summary>Ends an unpaid order (expired, cancelled or refused) and frees the keys it held.</summary>
public sealed class ReleaseOrderActivity(KernelOrderSteps kernel) : WorkflowActivity<OrderRelease, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, OrderRelease input)
    {
        await kernel.ReleaseAsync(input.OrderId, input.Status, input.Reason, CancellationToken.None);
        return true;
    }
}

public sealed record OrderRelease(Guid OrderId, string Status, string Reason);
