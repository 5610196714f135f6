using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace GamesDrop.AppTesting;

/// <summary>The spans a host ended, kept by OpenTelemetry's in-memory exporter; pass <see cref="Register"/> to EmbeddedApp.</summary>
public sealed class SpanSink : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public void Register(IServiceCollection services) => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(this));

    /// <summary>The spans of trace <paramref name="traceId"/> (the correlation id a response carries).</summary>
    public List<Activity> Trace(string traceId) => Snapshot().Where(s => s.TraceId.ToHexString() == traceId).ToList();

    // The exporter adds from whichever thread ends a span.
    public List<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public int Count => Snapshot().Count;
    public bool IsReadOnly => false;
    public void Clear() => throw new NotSupportedException();
    public bool Contains(Activity item) => Snapshot().Contains(item);
    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);
    public bool Remove(Activity item) => throw new NotSupportedException();
    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
