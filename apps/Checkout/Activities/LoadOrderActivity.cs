using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>Where the order stands, so the workflow resumes from the recorded stage rather than from the start.</summary>
public sealed class LoadOrderActivity(KernelOrderSteps kernel) : WorkflowActivity<Guid, OrderStage>
{
    public override async Task<OrderStage> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        return new OrderStage(order.Status, [.. order.Lines.Select(l => l.LineId)]);
    }
}

public sealed record OrderStage(string Status, IReadOnlyList<long> LineIds)
{
    public bool IsFinal => OrderStatuses.Final.Contains(Status);
    public bool IsPaid => Status is OrderStatuses.Paid or OrderStatuses.Fulfilling;
    public bool IsReserved => Status is OrderStatuses.Reserved or OrderStatuses.AwaitingPayment;
}
