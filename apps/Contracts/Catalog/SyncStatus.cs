namespace GamesDrop.Contracts.Catalog;

/// <summary>A sync in progress, as an operator watching it wants to see it.</summary>
/// <param name="Expected">Offers the last successful full run read, to show a full run's progress against; null for a delta.</param>
/// <param name="Phases">Where the run's time went so far.</param>
public sealed record SyncStatus(
    string Supplier, long RunId, bool Full, DateTimeOffset StartedAt, int Pages, int Offers, int Created, int Updated, int Unchanged, bool Running, string? Error,
    int Quarantined = 0, int? Expected = null, SyncPhases? Phases = null);

/// <summary>
/// Milliseconds a sync spent per phase, summed over its batches: reading the supplier's pages, matching listings to
/// products, the batch statement, and writing the outbox's events. Batches overlap the reading of later pages, so
/// the phases may add up to more than the run took.
/// </summary>
public sealed record SyncPhases(double FetchMs, double MatchMs, double SqlMs, double OutboxMs)
{
    public static readonly SyncPhases None = new(0, 0, 0, 0);

    public SyncPhases Add(SyncPhases? other) => other is null ? this
        : new(FetchMs + other.FetchMs, MatchMs + other.MatchMs, SqlMs + other.SqlMs, OutboxMs + other.OutboxMs);
}
