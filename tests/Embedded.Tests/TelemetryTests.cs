using System.Diagnostics;
using System.Net;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;
using OpenTelemetry.Trace;

namespace GamesDrop.Embedded.Tests;

/// <summary>OpenTelemetry: one storefront request is one trace, from the BFF through the kernel into its SQL.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly SpanSink _spans = new();
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync(
        services: services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task One_search_is_one_trace_spanning_the_bff_the_kernel_and_the_sql_and_its_id_is_the_correlation_id()
    {
        using var client = _app.PublicClient();

        var response = await client.GetAsync("/bff/api/catalog/search?q=ashen");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        // Server spans end after their response is sent, so the last ones may reach the exporter a moment later.
        (await Eventually.HoldsAsync(() => Task.FromResult(Trace(correlationId).Count(s => s.Kind == ActivityKind.Server) >= 2
            && Trace(correlationId).Any(s => s.Source.Name == "Npgsql")))).Should().BeTrue("one trace holds both servers' spans and the SQL");

        var trace = Trace(correlationId);
        trace.Should().Contain(s => s.Kind == ActivityKind.Server && Path(s) == "/bff/api/catalog/search", "the BFF's span");
        trace.Should().Contain(s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http", "the BFF's call to the kernel");
        trace.Should().Contain(s => s.Kind == ActivityKind.Server && Path(s) == "/kernel/catalog/search", "the kernel's span");
        trace.Should().Contain(s => s.Source.Name == "Npgsql", "the kernel's SQL");
    }

    private List<Activity> Trace(string traceId) => _spans.Snapshot().Where(s => s.TraceId.ToHexString() == traceId).ToList();

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;

    // The exporter adds from whichever thread ends a span.
    private sealed class SpanSink : ICollection<Activity>
    {
        private readonly List<Activity> _spans = [];

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
}
