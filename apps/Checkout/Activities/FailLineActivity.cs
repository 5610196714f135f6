using Dapr.Workflow;
using GamesDrop.Checkout.Clients;

namespace GamesDrop.Checkout.Activities;

/// <summary>Marks a line that cannot be delivered, so the refund step repays it.</summary>
public sealed class FailLineActivity(KernelOrderSteps kernel) : WorkflowActivity<LineFailure, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, LineFailure input)
    {
        await kernel.FailLineAsync(input.OrderId, input.LineId, input.Reason, CancellationToken.None);
        return true;
    }
}

public sealed record LineFailure(Guid OrderId, long LineId, string Reason);
