using System.Collections.Concurrent;

namespace GamesDrop.Suppliers.Features.Purchases;

/// <summary>Fill rate and time-to-key per supplier, from the purchases made through this app.</summary>
public sealed class PurchaseMetrics(TimeProvider time)
{
    private const int Window = 500;
    private readonly ConcurrentDictionary<string, int> _attempted = new();
    private readonly ConcurrentDictionary<string, int> _fulfilled = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _secondsToKey = new();
    private readonly ConcurrentDictionary<(string Supplier, string OrderId), DateTimeOffset> _started = new();

    public void Attempted(string supplier, string supplierOrderId)
    {
        _attempted.AddOrUpdate(supplier, 1, (_, n) => n + 1);
        _started.TryAdd((supplier, supplierOrderId), time.GetUtcNow());
    }

    /// <summary>Counts a purchase fulfilled once, however often its completion is read; its seconds to key the first time, else null.</summary>
    public double? Fulfilled(string supplier, string supplierOrderId)
    {
        if (!_started.TryRemove((supplier, supplierOrderId), out var started))
        {
            return null;
        }
        _fulfilled.AddOrUpdate(supplier, 1, (_, n) => n + 1);
        var seconds = _secondsToKey.GetOrAdd(supplier, _ => new ConcurrentQueue<double>());
        seconds.Enqueue((time.GetUtcNow() - started).TotalSeconds);
        while (seconds.Count > Window && seconds.TryDequeue(out _))
        {
        }
        return (time.GetUtcNow() - started).TotalSeconds;
    }

    public void Failed(string supplier, string supplierOrderId) => _started.TryRemove((supplier, supplierOrderId), out _);

    /// <summary>Failures before any order existed (refused, unreachable) still count as attempts.</summary>
    public void Refused(string supplier) => _attempted.AddOrUpdate(supplier, 1, (_, n) => n + 1);

    public double? FillRate(string supplier) =>
        _attempted.TryGetValue(supplier, out var attempted) && attempted > 0
            ? Math.Round(_fulfilled.GetValueOrDefault(supplier) / (double)attempted, 4)
            : null;

    public double? MedianSecondsToKey(string supplier)
    {
        var sorted = _secondsToKey.TryGetValue(supplier, out var seconds) ? seconds.Order().ToArray() : [];
        return sorted.Length == 0 ? null : Math.Round(sorted[sorted.Length / 2], 2);
    }
}
