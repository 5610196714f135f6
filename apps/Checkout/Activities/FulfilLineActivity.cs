using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// Delivers one paid line: from the own-stock keys reserved for it, else bought from the cheapest healthy supplier (the
/// suppliers app fails over only when a purchase definitely failed). Keys go straight into the kernel's vault and never
/// into the workflow's history. Our purchase reference is the line's, so a repeat finds the same supplier order.
/// </summary>
public sealed class FulfilLineActivity(KernelOrderSteps kernel, SupplierPurchases suppliers, TimeProvider clock)
    : WorkflowActivity<FulfilLine, LineFulfilment>
{
    public override async Task<LineFulfilment> RunAsync(WorkflowActivityContext context, FulfilLine input)
    {
        var ct = CancellationToken.None;
        var order = await kernel.GetAsync(input.OrderId, ct) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var line = order.Lines.Single(l => l.LineId == input.LineId);
        if (line.Status != "pending")
        {
            return new LineFulfilment(line.Status == "fulfilled", null);
        }
        if (line.ReservedStock >= line.Quantity)
        {
            return new LineFulfilment((await kernel.FulfilFromStockAsync(input.OrderId, input.LineId, ct)).Fulfilled, null);
        }

        var reference = Reference(input.OrderId, input.LineId);
        var excluded = (string?)null;
        if (input.Pending is { } pending)
        {
            var status = await suppliers.StatusAsync(reference, pending, line.Quantity, ct);
            if (status.Status != "failed")
            {
                return await SettleAsync(input, line, status, ct);
            }
            excluded = pending.Supplier;
        }
        var candidates = (await kernel.CandidatesAsync(input.OrderId, input.LineId, ct)).Where(c => c.Supplier != excluded).ToList();
        if (candidates.Count == 0)
        {
            await kernel.FailLineAsync(input.OrderId, input.LineId, "No supplier can deliver this product at its price now.", ct);
            return new LineFulfilment(false, null);
        }
        return await SettleAsync(input, line, await suppliers.BuyAsync(reference, line.Quantity, candidates, ct), ct, candidates);
    }

    public static string Reference(Guid orderId, long lineId) => $"{orderId:N}-{lineId}";

    private async Task<LineFulfilment> SettleAsync(FulfilLine input, CheckoutOrderLine line, SupplierPurchase purchase, CancellationToken ct,
        IReadOnlyList<SupplierCandidate>? candidates = null)
    {
        switch (purchase.Status)
        {
            case "completed" when purchase.Keys.Count >= line.Quantity:
                await kernel.StoreKeysAsync(input.OrderId, input.LineId, purchase.ToDelivery(clock.GetUtcNow()), ct);
                return new LineFulfilment(true, null);
            case "failed":
                await kernel.FailLineAsync(input.OrderId, input.LineId, purchase.Failure ?? "Every supplier failed.", ct);
                return new LineFulfilment(false, null);
            default:
                // Pending, unknown (asked about by our reference), or completed with keys still arriving: asked about again later.
                var cap = input.Pending?.MaxUnitPrice ?? candidates?.First(c => c.Supplier == purchase.Supplier).MaxUnitPrice ?? 0;
                return new LineFulfilment(false, new PendingPurchase(purchase.Supplier!, purchase.SupplierOrderId, purchase.Sku!, cap));
        }
    }
}

public sealed record FulfilLine(Guid OrderId, long LineId, PendingPurchase? Pending);

/// <summary>Fulfilled, or a purchase to ask about again; neither means the line failed (and is already marked so).</summary>
public sealed record LineFulfilment(bool Fulfilled, PendingPurchase? Pending);
