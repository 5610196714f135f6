using System.Collections.Concurrent;

namespace GamesDrop.Suppliers.Features.Sync;

/// <summary>A sync in progress, as an operator watching it wants to see it.</summary>
public sealed record SyncStatus(
    string Supplier, long RunId, bool Full, DateTimeOffset StartedAt, int Pages, int Offers, int Created, int Updated, int Unchanged, bool Running, string? Error,
    int Quarantined = 0);

/// <summary>Live progress of each supplier's current or last sync.</summary>
public sealed class SyncProgress
{
    private readonly ConcurrentDictionary<string, SyncStatus> _bySupplier = new();

    public IReadOnlyList<SyncStatus> All => _bySupplier.Values.OrderBy(s => s.Supplier).ToList();

    public bool IsRunning(string supplier) => _bySupplier.TryGetValue(supplier, out var s) && s.Running;

    public void Set(SyncStatus status) => _bySupplier[status.Supplier] = status;
}
