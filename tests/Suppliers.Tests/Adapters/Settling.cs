using GamesDrop.Suppliers.Adapters;

namespace GamesDrop.Suppliers.Tests.Adapters;

internal static class Settling
{
    /// <summary>Polls a pending purchase, as checkout does, until the supplier settles it (or 4 s pass).</summary>
    public static async Task<SupplierPurchase> SettleAsync(this ISupplier supplier, PurchaseRequest request, SupplierPurchase first)
    {
        var current = first;
        for (var i = 0; i < 40 && current.Status == PurchaseStatus.Pending; i++)
        {
            await Task.Delay(100);
            current = await supplier.GetPurchaseAsync(request, first.SupplierOrderId!, CancellationToken.None);
        }
        return current;
    }
}
