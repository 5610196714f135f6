using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Features.Refunds;

/// <summary>
/// Pays lines back through PayPal and records it in the kernel. The request id names the order and the lines, so a repeat
/// returns PayPal's first refund, which the kernel records once.
/// </summary>
public static class LineRefunds
{
    /// <summary>False when there was nothing to refund: no lines, or the payment was never captured.</summary>
    public static async Task<bool> RefundAsync(
        KernelOrderSteps kernel, PayPalClient paypal, CheckoutOrder order, IReadOnlyList<CheckoutOrderLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0 || order.Payment?.CaptureId is not { } captureId)
        {
            return false;
        }
        var amount = lines.Sum(l => l.UnitPrice * l.Quantity);
        var lineIds = lines.Select(l => l.LineId).Order().ToList();
        var refund = await paypal.RefundCaptureAsync(captureId, amount, order.Currency, $"refund-{order.OrderId:N}-{string.Join('.', lineIds)}", ct: ct);
        await kernel.RecordRefundAsync(order.OrderId, refund.Id, amount, order.Currency, lineIds, ct);
        return true;
    }
}
