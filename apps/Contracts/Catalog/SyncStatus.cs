namespace GamesDrop.Contracts.Catalog;

/// <summary>A sync in progress, as an operator watching it wants to see it.</summary>
/// <param name="Expected">Offers the last successful full run read, to show a full run's progress against; null for a delta.</param>
public sealed record SyncStatus(
    string Supplier, long RunId, bool Full, DateTimeOffset StartedAt, int Pages, int Offers, int Created, int Updated, int Unchanged, bool Running, string? Error,
    int Quarantined = 0, int? Expected = null);
