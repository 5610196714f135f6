namespace GamesDrop.Contracts.Catalog;

/// <summary>
/// A pushed change to one offer (supplier webhook). Pushes can arrive out of order: the kernel applies one
/// only when <see cref="ChangedAt"/> is newer than what it holds. Null fields are left as they are.
/// </summary>
public sealed record OfferChange(string Supplier, string Sku, decimal? Price, string? Currency, int? Stock, bool? Available, DateTimeOffset ChangedAt);

/// <summary>An offer whose price or stock changed (a new offer included), as <see cref="OffersChanged"/> carries it.</summary>
public sealed record OfferChanged(long ProductId, string Supplier, string Sku, decimal Price, string Currency, int Stock, bool Available);

/// <summary>
/// Published (topic offers-changed) once per write that changed offers: a sync's batch, a push, or a full sync's finish
/// marking what vanished (in messages of at most <see cref="MaxOffers"/>). One message per batch rather than per offer: a
/// first sync creates 80,000 offers, and a row, relay and broker entry each cost more than a sync wrote for the offer.
/// </summary>
public sealed record OffersChanged(IReadOnlyList<OfferChanged> Offers)
{
    /// <summary>A batch's changes fit one message.</summary>
    public const int MaxOffers = OfferBatch.MaxOffers;
}

/// <summary>Suppliers whose circuit is open: the kernel shows their offers as temporarily unavailable, not removed.</summary>
public sealed record SupplierAvailability(string Supplier, bool Reachable);
