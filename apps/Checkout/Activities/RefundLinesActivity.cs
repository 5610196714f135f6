using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// Refunds the paid lines that could not be delivered. The request id names the order and those lines, so a repeat returns
/// PayPal's first refund, which the kernel records once.
/// </summary>
public sealed class RefundLinesActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<Guid, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, Guid orderId)
    {
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        var failed = order.Lines.Where(l => l.Status == "failed").ToList();
        if (failed.Count == 0 || order.Payment?.CaptureId is not { } captureId)
        {
            return false;
        }
        var amount = failed.Sum(l => l.UnitPrice * l.Quantity);
        var lineIds = failed.Select(l => l.LineId).ToList();
        var refund = await paypal.RefundCaptureAsync(captureId, amount, order.Currency,
            $"refund-{orderId:N}-{string.Join('.', lineIds)}", ct: CancellationToken.None);
        await kernel.RecordRefundAsync(orderId, refund.Id, amount, order.Currency, lineIds, CancellationToken.None);
        return true;
    }
}
