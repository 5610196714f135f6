using System.Collections.Concurrent;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Suppliers.Features.Sync;

/// <summary>Live progress of each supplier's current or last sync.</summary>
public sealed class SyncProgress
{
    private readonly ConcurrentDictionary<string, SyncStatus> _bySupplier = new();

    public IReadOnlyList<SyncStatus> All => _bySupplier.Values.OrderBy(s => s.Supplier).ToList();

    public bool IsRunning(string supplier) => _bySupplier.TryGetValue(supplier, out var s) && s.Running;

    public void Set(SyncStatus status) => _bySupplier[status.Supplier] = status;
}
