namespace GamesDrop.Suppliers.Adapters;

/// <summary>
/// What to buy. <see cref="Reference"/> is ours (order line id) and unique per purchase, so a repeated
/// request is recognised by the supplier; <see cref="MaxUnitPrice"/> caps what we accept to pay.
/// </summary>
public sealed record PurchaseRequest(string Reference, string Sku, int Quantity, decimal MaxUnitPrice);

public enum PurchaseStatus
{
    /// <summary>Bought; keys still on their way.</summary>
    Pending,

    Completed,

    /// <summary>Nothing is delivered and nothing is owed for it (refused, cancelled), except keys already listed.</summary>
    Failed,

    /// <summary>The supplier may have sold it: a lost reply, or a transaction it holds in a state it does not explain.</summary>
    Unknown,
}

/// <summary>A key as the supplier delivered it; images come base64-encoded with their media type.</summary>
public sealed record DeliveredKey(string Id, string Value, string ContentType);

/// <param name="SupplierOrderId">The supplier's id for the purchase; null when no purchase is known.</param>
/// <param name="UnitPrice">What one key costs, in the supplier's currency; null until the supplier says.</param>
public sealed record SupplierPurchase(string? SupplierOrderId, PurchaseStatus Status, decimal? UnitPrice, IReadOnlyList<DeliveredKey> Keys, string? Failure)
{
    public bool Bought => Status is PurchaseStatus.Pending or PurchaseStatus.Completed;

    public static SupplierPurchase Unknown(string doubt) => new(null, PurchaseStatus.Unknown, null, [], doubt);

    public static SupplierPurchase Refused(string reason) => new(null, PurchaseStatus.Failed, null, [], reason);
}

/// <summary>The supplier refused or failed in a way a caller can act on (out of stock, price above the cap, balance).</summary>
/// <param name="retryable">Whether trying again may help; false means the supplier refused the request outright.</param>
public sealed class SupplierException(string supplier, string code, string message, bool retryable) : Exception(message)
{
    public string Supplier { get; } = supplier;
    public string Code { get; } = code;
    public bool Retryable { get; } = retryable;
}
