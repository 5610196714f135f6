using Dapr.Workflow;
using GamesDrop.Checkout.Clients;

namespace GamesDrop.Checkout.Activities;

/// <summary>Puts a held order's review on its timeline (the kernel announces it), before the money is captured or voided.</summary>
public sealed class RecordReviewActivity(KernelOrderSteps kernel) : WorkflowActivity<ReviewRecord, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, ReviewRecord input)
    {
        await kernel.RecordReviewAsync(input.OrderId, input.Outcome, input.DecidedBy, CancellationToken.None);
        return true;
    }
}

public sealed record ReviewRecord(Guid OrderId, string Outcome, string DecidedBy);
