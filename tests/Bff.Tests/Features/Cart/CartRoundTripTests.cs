using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;
using Xunit.Abstractions;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>
/// What one add to cart and the header's count cost below the BFF, counted from the request's trace: the kernel
/// requests (server spans under <c>/kernel/</c>) and the SQL statements (Npgsql's command spans).
/// </summary>
public sealed class CartRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SpanSink _spans = new();
    private EmbeddedApp _app = null!;
    private IReadOnlyList<string> _slugs = [];

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync(services: _spans.Register);
        _slugs = await _app.SeedAsync("Alpha Quest", "Beta Racer");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_add_asks_the_kernel_once_and_the_header_count_not_at_all()
    {
        using var shopper = new Shopper(_app);
        (await shopper.AddToCartAsync(_slugs[0])).EnsureSuccessStatusCode();
        var token = await shopper.TokenAsync();

        var add = await shopper.AddToCartAsync(_slugs[1], token: token);
        var count = await shopper.Http.GetAsync("/bff/api/cart/count");
        var read = await shopper.Http.GetAsync("/bff/api/cart");

        add.StatusCode.Should().Be(HttpStatusCode.OK);
        (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemCount").GetInt32().Should().Be(2);
        (await count.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("itemCount").GetInt32().Should().Be(2);
        var added = await BelowAsync(add, "/bff/api/cart/items");
        var counted = await BelowAsync(count, "/bff/api/cart/count");
        var priced = await BelowAsync(read, "/bff/api/cart");
        output.WriteLine($"add: {added}; header count: {counted}; whole cart read (the header's call before): {priced}");
        added.KernelRequests.Should().Be(1, "the added product and the lines already there are looked up together");
        counted.KernelRequests.Should().Be(0, "the count is the cart actor's own");
        counted.SqlStatements.Should().Be(0);
    }

    private async Task<Cost> BelowAsync(HttpResponseMessage response, string bffPath)
    {
        var traceId = response.Headers.GetValues("X-Correlation-Id").Single();
        // The BFF's own span ends last, once its answer is sent.
        (await Eventually.HoldsAsync(() => Task.FromResult(_spans.Trace(traceId).Any(s => IsServer(s, p => p == bffPath)))))
            .Should().BeTrue($"the trace of {bffPath} reaches the exporter");
        var trace = _spans.Trace(traceId);
        return new Cost(
            trace.Count(s => IsServer(s, p => p.StartsWith("/kernel/", StringComparison.Ordinal))),
            trace.Count(s => s.Source.Name == "Npgsql" && !s.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal)));
    }

    private static bool IsServer(Activity span, Func<string, bool> path) =>
        span.Kind == ActivityKind.Server && span.GetTagItem("url.path") is string p && path(p);

    private sealed record Cost(int KernelRequests, int SqlStatements);
}
