using System.Diagnostics;

namespace GamesDrop.Benchmarks;

/// <summary>
/// A closed loop: <c>concurrency</c> shoppers, each sending its next search (a query string of some kind from
/// <c>next</c>, run by <c>search</c>, which says whether it succeeded) when the last answered, for a fixed time.
/// </summary>
internal sealed class SearchLoad(Func<string, CancellationToken, Task<bool>> search, Func<Random, (string Kind, string Query)> next)
{
    public async Task<LatencyReport> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var shoppers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => ShopAsync(new Random(i), _ => Stopwatch.GetTimestamp() < deadline, ct)));
        return Report(shoppers, clock.Elapsed);
    }

    /// <summary>One shopper's <paramref name="count"/> searches, one after another.</summary>
    public async Task<LatencyReport> RunCountAsync(int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var shopper = await ShopAsync(new Random(0), done => done < count, ct);
        return Report([shopper], clock.Elapsed);
    }

    private static LatencyReport Report(IReadOnlyCollection<List<(string Kind, double Milliseconds, bool Failed)>> shoppers, TimeSpan elapsed)
    {
        static LatencyReport Of(IEnumerable<(string Kind, double Milliseconds, bool Failed)> searches, TimeSpan elapsed)
        {
            var all = searches.ToList();
            return new LatencyReport([.. all.Select(s => s.Milliseconds).Order()], all.Count(s => s.Failed), elapsed);
        }
        var searches = shoppers.SelectMany(s => s).ToList();
        return Of(searches, elapsed) with { ByKind = searches.GroupBy(s => s.Kind).ToDictionary(k => k.Key, k => Of(k, elapsed)) };
    }

    /// <summary>The search API as shoppers reach it.</summary>
    public static Func<string, CancellationToken, Task<bool>> OverHttp(HttpClient bff) => async (query, ct) =>
    {
        using var response = await bff.GetAsync("api/catalog/search?" + query, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.IsSuccessStatusCode;
    };

    // Searches while goOn (given how many were done) says so: each one's kind, latency and whether it failed.
    private async Task<List<(string Kind, double Milliseconds, bool Failed)>> ShopAsync(Random random, Func<int, bool> goOn, CancellationToken ct)
    {
        var searches = new List<(string Kind, double Milliseconds, bool Failed)>();
        while (goOn(searches.Count) && !ct.IsCancellationRequested)
        {
            var (kind, query) = next(random);
            var started = Stopwatch.GetTimestamp();
            var succeeded = await search(query, ct);
            searches.Add((kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, !succeeded));
        }
        return searches;
    }
}
