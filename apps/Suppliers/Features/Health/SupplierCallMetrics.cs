using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GamesDrop.Suppliers.Features.Health;

/// <summary>One call to a supplier's API (one attempt, retries count separately).</summary>
public sealed record SupplierCall(DateTimeOffset At, double Milliseconds, bool Succeeded);

/// <summary>
/// Recent calls per supplier, for error rate and latency percentiles on the health page, and the same
/// figures as .NET metrics (meter GamesDrop.Suppliers) for whatever collects them.
/// </summary>
public sealed class SupplierCallMetrics
{
    public const string MeterName = "GamesDrop.Suppliers";
    private const int Window = 1000;
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("gamesdrop.supplier.calls");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("gamesdrop.supplier.call.duration", "ms");
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SupplierCall>> _recent = new();

    public void Record(string supplier, SupplierCall call)
    {
        var calls = _recent.GetOrAdd(supplier, _ => new ConcurrentQueue<SupplierCall>());
        calls.Enqueue(call);
        while (calls.Count > Window && calls.TryDequeue(out _))
        {
        }
        var tags = new TagList { { "supplier", supplier }, { "outcome", call.Succeeded ? "success" : "failure" } };
        Calls.Add(1, tags);
        Latency.Record(call.Milliseconds, tags);
    }

    public IReadOnlyList<SupplierCall> Recent(string supplier) =>
        _recent.TryGetValue(supplier, out var calls) ? calls.ToArray() : [];

    /// <summary>The latest calls all failed: the supplier looks down even where no breaker is visible to us.</summary>
    public bool LastCallsFailed(string supplier, int count)
    {
        var recent = Recent(supplier);
        return recent.Count >= count && recent.TakeLast(count).All(c => !c.Succeeded);
    }

    /// <summary>Records every attempt made through a supplier's HttpClient.</summary>
    public sealed class Handler(SupplierCallMetrics metrics, string supplier, TimeProvider time) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var started = time.GetTimestamp();
            var succeeded = false;
            try
            {
                var response = await base.SendAsync(request, ct);
                succeeded = (int)response.StatusCode is >= 200 and < 400;
                return response;
            }
            finally
            {
                metrics.Record(supplier, new SupplierCall(time.GetUtcNow(), time.GetElapsedTime(started).TotalMilliseconds, succeeded));
            }
        }
    }
}
