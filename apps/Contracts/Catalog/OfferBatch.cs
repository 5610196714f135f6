namespace GamesDrop.Contracts.Catalog;

/// <summary>A page of a supplier's listings, upserted by the kernel in one statement.</summary>
public sealed record OfferBatch(string Supplier, long? SyncRunId, IReadOnlyList<SupplierOffer> Offers)
{
    /// <summary>The most listings a batch carries: the suppliers app sends batches this size, the kernel refuses larger.</summary>
    public const int MaxOffers = 1000;
}

/// <summary>
/// What the kernel did with a batch: only changed offers are written; offers it could not take are quarantined.
/// <c>Timings</c> says where the kernel spent the batch's time, for the sync's per-phase breakdown.
/// </summary>
public sealed record OfferBatchResult(int Created, int Updated, int Unchanged, int Quarantined = 0, SyncPhases? Timings = null);
