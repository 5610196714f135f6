namespace GamesDrop.Contracts.Catalog;

/// <summary>Starts a sync run. A full run marks the supplier's offers it did not see as unavailable when it finishes.</summary>
public sealed record StartSyncRun(string Supplier, bool Full);

public sealed record SyncRunStarted(long Id, DateTimeOffset StartedAt);

/// <summary>Ends a run; <see cref="Error"/> set means it failed (and vanished offers are then left alone).</summary>
public sealed record FinishSyncRun(int Pages, string? Error);

/// <summary>A sync run as recorded, with its counts so far: progress while running, totals when done.</summary>
public sealed record SyncRun(
    long Id, string Supplier, string Kind, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    int Pages, int OffersSeen, int OffersCreated, int OffersUpdated, int OffersUnchanged, int OffersVanished, string? Error,
    int OffersQuarantined = 0);
