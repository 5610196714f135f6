namespace GamesDrop.Contracts.Catalog;

/// <summary>
/// Per supplier, what the admin dashboard shows: call health, circuit, sync freshness, fill rate, time-to-key, balance, and
/// the latest listings the catalog quarantined with their reasons.
/// </summary>
public sealed record SupplierHealth(
    string Supplier,
    string Name,
    int Calls,
    double ErrorRate,
    double? P50Ms,
    double? P95Ms,
    string Circuit,
    bool Reachable,
    DateTimeOffset? LastSuccessfulSync,
    string? LastSyncError,
    double? FillRate,
    double? MedianSecondsToKey,
    decimal? Balance,
    string Currency,
    bool LowBalance,
    IReadOnlyList<QuarantinedOffer> Quarantined);
