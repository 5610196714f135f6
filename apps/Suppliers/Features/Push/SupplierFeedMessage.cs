namespace GamesDrop.Suppliers.Features.Push;

/// <summary>
/// A verified supplier push, as it travels through the <c>supplier-feed</c> queue binding: a listing change
/// (<see cref="Sku"/>) or an order status change (<see cref="SupplierOrderId"/>).
/// </summary>
public sealed record SupplierFeedMessage(
    string Supplier,
    DateTimeOffset ChangedAt,
    string? Sku = null,
    decimal? Price = null,
    int? Stock = null,
    string? SupplierOrderId = null,
    string? OrderReference = null,
    string? OrderStatus = null);
