using System.Diagnostics;

namespace GamesDrop.Benchmarks;

/// <summary>
/// A closed loop: <c>concurrency</c> shoppers, each sending its next search (a query string from <c>next</c>, run
/// by <c>search</c>, which says whether it succeeded) when the last answered, for a fixed time.
/// </summary>
internal sealed class SearchLoad(Func<string, CancellationToken, Task<bool>> search, Func<Random, string> next)
{
    public async Task<LatencyReport> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var shoppers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => ShopAsync(new Random(i), _ => Stopwatch.GetTimestamp() < deadline, ct)));
        var elapsed = clock.Elapsed;
        var latencies = shoppers.SelectMany(s => s.Latencies).Order().ToArray();
        return new LatencyReport(latencies, shoppers.Sum(s => s.Errors), elapsed);
    }

    /// <summary>One shopper's <paramref name="count"/> searches, one after another.</summary>
    public async Task<LatencyReport> RunCountAsync(int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await ShopAsync(new Random(0), done => done < count, ct);
        return new LatencyReport([.. latencies.Order()], errors, clock.Elapsed);
    }

    /// <summary>The search API as shoppers reach it.</summary>
    public static Func<string, CancellationToken, Task<bool>> OverHttp(HttpClient bff) => async (query, ct) =>
    {
        using var response = await bff.GetAsync("api/catalog/search?" + query, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.IsSuccessStatusCode;
    };

    // Searches while goOn (given how many were done) says so.
    private async Task<(List<double> Latencies, int Errors)> ShopAsync(Random random, Func<int, bool> goOn, CancellationToken ct)
    {
        var latencies = new List<double>();
        var errors = 0;
        while (goOn(latencies.Count) && !ct.IsCancellationRequested)
        {
            var query = next(random);
            var started = Stopwatch.GetTimestamp();
            var succeeded = await search(query, ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!succeeded)
            {
                errors++;
            }
        }
        return (latencies, errors);
    }
}
