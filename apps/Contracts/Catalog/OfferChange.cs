namespace GamesDrop.Contracts.Catalog;

/// <summary>
/// A pushed change to one offer (supplier webhook). Pushes can arrive out of order: the kernel applies one
/// only when <see cref="ChangedAt"/> is newer than what it holds. Null fields are left as they are.
/// </summary>
public sealed record OfferChange(string Supplier, string Sku, decimal? Price, string? Currency, int? Stock, bool? Available, DateTimeOffset ChangedAt);

/// <summary>Published (topic offer-changed) when an offer's price or stock changed, by sync or push.</summary>
public sealed record OfferChanged(long ProductId, string Supplier, string Sku, decimal Price, string Currency, int Stock, bool Available);

/// <summary>Suppliers whose circuit is open: the kernel shows their offers as temporarily unavailable, not removed.</summary>
public sealed record SupplierAvailability(string Supplier, bool Reachable);
