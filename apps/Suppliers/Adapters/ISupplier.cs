using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Suppliers.Adapters;

/// <summary>
/// One key supplier behind one interface. Adding a supplier means adding an adapter that implements this
/// and its configuration section; sync, push, refresh and health work from the interface alone.
/// </summary>
public interface ISupplier
{
    /// <summary>Lowercase code, as in the kernel's suppliers table.</summary>
    string Code { get; }

    string Name { get; }

    /// <summary>ISO 4217 code the supplier prices in.</summary>
    string Currency { get; }

    /// <summary>The HTTPEndpoint name its calls go through, which resiliency.yaml targets.</summary>
    string Endpoint { get; }

    /// <summary>The secret its pushes prove themselves with; the app does not start while it is missing or a placeholder.</summary>
    string WebhookSecret { get; }

    /// <summary>Balance under which operations are alerted, in <see cref="Currency"/>.</summary>
    decimal LowBalance { get; }

    /// <summary>Whether <see cref="ListOffersAsync"/> can return only listings changed since a time.</summary>
    bool SupportsDeltaSync { get; }

    /// <summary>The catalog, page by page; only what changed since <paramref name="changedSince"/> where supported.</summary>
    IAsyncEnumerable<IReadOnlyList<SupplierOffer>> ListOffersAsync(DateTimeOffset? changedSince, CancellationToken ct);

    /// <summary>One listing as the supplier has it now, or null when it no longer exists.</summary>
    Task<SupplierOffer?> GetOfferAsync(string sku, CancellationToken ct);

    /// <summary>Buys keys. Idempotent by <see cref="PurchaseRequest.Reference"/>: repeating it never buys twice.</summary>
    Task<SupplierPurchase> BuyAsync(PurchaseRequest request, CancellationToken ct);

    /// <summary>A purchase's status and the keys delivered so far.</summary>
    Task<SupplierPurchase> GetPurchaseAsync(PurchaseRequest request, string supplierOrderId, CancellationToken ct);

    /// <summary>
    /// The purchase made under <see cref="PurchaseRequest.Reference"/>, asked after a reply was lost; null when the supplier
    /// surely holds none, so buying elsewhere pays nobody twice. Throws when the supplier cannot tell.
    /// </summary>
    Task<SupplierPurchase?> FindPurchaseAsync(PurchaseRequest request, CancellationToken ct);

    /// <summary>Account balance in <see cref="Currency"/>.</summary>
    Task<decimal> GetBalanceAsync(CancellationToken ct);
}
