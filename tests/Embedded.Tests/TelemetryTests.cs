using System.Diagnostics;
using System.Net;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;

namespace GamesDrop.Embedded.Tests;

/// <summary>OpenTelemetry: one storefront request is one trace, from the BFF through the kernel into its SQL.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly SpanSink _spans = new();
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync(services: _spans.Register);

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

    private List<Activity> Trace(string traceId) => _spans.Trace(traceId);

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;
}
