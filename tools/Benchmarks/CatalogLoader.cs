using System.Diagnostics;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Benchmarks;

/// <summary>Loads the generated catalog the way the suppliers app would: one full sync run per supplier, 1000 offers a batch.</summary>
internal sealed class CatalogLoader(HttpClient kernel)
{
    private const int BatchSize = 1000;

    public async Task<LoadReport> LoadAsync(int products, CancellationToken ct)
    {
        await RegisterAsync("bench-a", "EUR", ct);
        await RegisterAsync("bench-b", "USD", ct);
        // Supplier A lists the first 65 %, B the last 65 %: 30 % of products get two offers.
        var aCount = products * 65 / 100;
        var bStart = products - aCount;
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(
            SyncAsync("bench-a", Enumerable.Range(0, aCount).Select(CatalogGenerator.Tidy), ct),
            SyncAsync("bench-b", Enumerable.Range(bStart, aCount).Select(CatalogGenerator.Shouty), ct));
        return new LoadReport(runs.Sum(r => r.Offers), clock.Elapsed, runs.SelectMany(r => r.BatchMilliseconds).ToList());
    }

    private async Task RegisterAsync(string code, string currency, CancellationToken ct)
    {
        using var response = await kernel.PutAsJsonAsync($"catalog/suppliers/{code}", new { name = code, currency, enabled = true }, ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task<(int Offers, List<double> BatchMilliseconds)> SyncAsync(string supplier, IEnumerable<SupplierOffer> offers, CancellationToken ct)
    {
        using var start = await kernel.PostAsJsonAsync("catalog/sync-runs", new StartSyncRun(supplier, Full: true), ct);
        start.EnsureSuccessStatusCode();
        var run = (await start.Content.ReadFromJsonAsync<SyncRunStarted>(ct))!;
        var timings = new List<double>();
        var count = 0;
        foreach (var chunk in offers.Chunk(BatchSize))
        {
            var clock = Stopwatch.StartNew();
            using var response = await kernel.PostAsJsonAsync("catalog/offers/batch", new OfferBatch(supplier, run.Id, chunk), ct);
            response.EnsureSuccessStatusCode();
            timings.Add(clock.Elapsed.TotalMilliseconds);
            count += chunk.Length;
        }
        using var finish = await kernel.PostAsJsonAsync($"catalog/sync-runs/{run.Id}/finish", new FinishSyncRun(timings.Count, null), ct);
        finish.EnsureSuccessStatusCode();
        return (count, timings);
    }
}

internal sealed record LoadReport(int Offers, TimeSpan Elapsed, IReadOnlyList<double> BatchMilliseconds);
