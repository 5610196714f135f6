namespace GamesDrop.Suppliers.Adapters;

/// <summary>
/// What to buy. <see cref="Reference"/> is ours (order line id) and unique per purchase, so a repeated
/// request is recognised by the supplier; <see cref="MaxUnitPrice"/> caps what we accept to pay.
/// </summary>
public sealed record PurchaseRequest(string Reference, string Sku, int Quantity, decimal MaxUnitPrice);

public enum PurchaseStatus
{
    Pending,
    Completed,
    Failed,
}

/// <summary>A key as the supplier delivered it; images come base64-encoded with their media type.</summary>
public sealed record DeliveredKey(string Id, string Value, string ContentType);

public sealed record SupplierPurchase(string SupplierOrderId, PurchaseStatus Status, decimal UnitPrice, IReadOnlyList<DeliveredKey> Keys, string? Failure);

/// <summary>The supplier refused or failed in a way a caller can act on (out of stock, price above the cap, balance).</summary>
public sealed class SupplierException(string supplier, string code, string message, bool retryable) : Exception(message)
{
    public string Supplier { get; } = supplier;
    public string Code { get; } = code;
    public bool Retryable { get; } = retryable;
}
