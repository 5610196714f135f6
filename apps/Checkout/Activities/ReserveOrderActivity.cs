using Dapr.Workflow;
using GamesDrop.Checkout.Clients;

namespace GamesDrop.Checkout.Activities;

/// <summary>Claims own-stock keys and checks supplier stock before any payment is asked for.</summary>
public sealed class ReserveOrderActivity(KernelOrderSteps kernel) : WorkflowActivity<Guid, ReservationOutcome>
{
    public override async Task<ReservationOutcome> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var result = await kernel.ReserveAsync(orderId, CancellationToken.None);
        return new ReservationOutcome(result.Reserved, result.Reason);
    }
}

public sealed record ReservationOutcome(bool Reserved, string? Reason);
