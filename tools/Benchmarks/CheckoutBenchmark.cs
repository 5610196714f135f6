using System.Net.Http.Json;
using GamesDrop.Embedded.Runtime.Hosting;

namespace GamesDrop.Benchmarks;

/// <summary>Orders per second and "place order" → "keys delivered" latency, over a synced store and zero-latency partners.</summary>
internal static class CheckoutBenchmark
{
    public static async Task<int> RunAsync(string url, string token, string sandboxUrl, int orders, int concurrency)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 4 };
        // One client for every app: each request presents the token of the app it calls.
        using var store = new HttpClient(new AppTokenClientHandler(token, handler), disposeHandler: false)
        {
            BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromMinutes(2),
        };
        using var paypal = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency * 2 })
        {
            BaseAddress = new Uri(sandboxUrl + "/paypal/"),
        };
        var slugs = (await store.GetFromJsonAsync<SearchPage>("bff/api/catalog/search?inStock=true&pageSize=100"))!.Items.Select(i => i.Slug).ToList();
        // The simulated suppliers' stock is small and finite; own stock (bought ahead) lets every order be served, so the
        // numbers measure checkout itself: reservation, PayPal, capture, fulfilment and completion.
        var perProduct = (orders + concurrency * 4) / slugs.Count + 2;
        foreach (var slug in slugs)
        {
            var keys = Enumerable.Range(0, perProduct).Select(_ => "BENCH-" + Guid.NewGuid().ToString("N").ToUpperInvariant()).ToList();
            (await store.PostAsJsonAsync("kernel/stock/keys", new { slug, keys })).EnsureSuccessStatusCode();
        }
        Console.WriteLine($"Buying {orders:N0} orders of one key each, {concurrency} buyers at a time, across {slugs.Count} products "
            + $"with {perProduct} own-stock keys each…");
        var load = new CheckoutLoad(store, paypal, slugs);
        await load.RunAsync(Math.Min(orders, concurrency * 4), concurrency, CancellationToken.None);
        var report = await load.RunAsync(orders, concurrency, CancellationToken.None);
        Console.WriteLine($"  {report.SortedLatencies.Length:N0} completed, {report.Errors} not completed ({load.Failures}), {report.Throughput:N1} orders/s; "
            + $"place order → keys delivered p50 {report.Percentile(50):F0} ms, p95 {report.Percentile(95):F0} ms, p99 {report.Percentile(99):F0} ms");
        return report.Errors == 0 ? 0 : 1;
    }

    private sealed record SearchPage(IReadOnlyList<SearchItem> Items);

    private sealed record SearchItem(string Slug);
}
