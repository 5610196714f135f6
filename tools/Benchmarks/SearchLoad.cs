using System.Diagnostics;

namespace GamesDrop.Benchmarks;

/// <summary>
/// A closed loop: <c>concurrency</c> shoppers, each sending its next search (a query string from <c>next</c>) when the
/// last answered, for a fixed time.
/// </summary>
internal sealed class SearchLoad(HttpClient bff, Func<Random, string> next)
{
    public async Task<LatencyReport> RunAsync(int concurrency, TimeSpan duration, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var shoppers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => ShopAsync(new Random(i), deadline, ct)));
        var elapsed = clock.Elapsed;
        var latencies = shoppers.SelectMany(s => s.Latencies).Order().ToArray();
        return new LatencyReport(latencies, shoppers.Sum(s => s.Errors), elapsed);
    }

    private async Task<(List<double> Latencies, int Errors)> ShopAsync(Random random, long deadline, CancellationToken ct)
    {
        var latencies = new List<double>();
        var errors = 0;
        while (Stopwatch.GetTimestamp() < deadline && !ct.IsCancellationRequested)
        {
            var query = next(random);
            var started = Stopwatch.GetTimestamp();
            using var response = await bff.GetAsync("api/catalog/search?" + query, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                errors++;
            }
        }
        return (latencies, errors);
    }
}
