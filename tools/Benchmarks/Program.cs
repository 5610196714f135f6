using System.Diagnostics;
using GamesDrop.Benchmarks;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.Kernel;
using Npgsql;

// ./bench.sh search and ./bench.sh checkout start the store on throwaway servers and run this; see bench.sh for the arguments.
if (args.Length >= 4 && args[0] == "checkout")
{
    return await CheckoutBenchmark.RunAsync(args[1], args[2], args[3], args.Length > 4 ? int.Parse(args[4]) : 1000,
        args.Length > 5 ? int.Parse(args[5]) : 16);
}
if (args.Length < 4 || args[0] != "search")
{
    Console.Error.WriteLine("usage: Benchmarks search <host url> <app token> <postgres connection> [products] [concurrency] [seconds]");
    Console.Error.WriteLine("       Benchmarks checkout <host url> <app token> <sandbox url> [orders] [concurrency]");
    return 2;
}
var (url, token, postgres) = (args[1], args[2], args[3]);
var products = args.Length > 4 ? int.Parse(args[4]) : 100_000;
var concurrency = args.Length > 5 ? int.Parse(args[5]) : 32;
var seconds = args.Length > 6 ? int.Parse(args[6]) : 30;

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(30) };
using var kernel = new HttpClient(new AppTokenClientHandler(token, handler), disposeHandler: false)
{
    BaseAddress = new Uri(url + "/kernel/"), Timeout = TimeSpan.FromMinutes(2),
};
using var bff = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(url + "/bff/") };

Console.WriteLine($"Loading {products:N0} products through POST /kernel/catalog/offers/batch (two suppliers, full sync runs)…");
var load = await new CatalogLoader(kernel).LoadAsync(products, CancellationToken.None);
var batches = load.BatchMilliseconds.Order().ToArray();
Console.WriteLine($"  {load.Offers:N0} offers in {load.Elapsed.TotalSeconds:F1} s = {load.Offers / load.Elapsed.TotalSeconds:N0} offers/s; "
    + $"batch of 1000: p50 {batches[batches.Length / 2]:F0} ms, max {batches[^1]:F0} ms; host peak resident memory {PeakMemory.Describe()}");

await using (var db = NpgsqlDataSource.Create(postgres))
{
    var clock = Stopwatch.StartNew();
    // The search numbers are for a settled store: the offers-changed events relayed and the statistics current.
    while (await Scalar(db, "SELECT count(*) FROM messaging.outbox WHERE relayed_at IS NULL") > 0 && clock.Elapsed < TimeSpan.FromMinutes(5))
    {
        await Task.Delay(500);
    }
    foreach (var table in new[] { "products", "supplier_offers" })
    {
        await using var vacuum = db.CreateCommand("VACUUM ANALYZE " + table);
        await vacuum.ExecuteNonQueryAsync();
    }
    Console.WriteLine($"  outbox relayed and tables analysed in {clock.Elapsed.TotalSeconds:F1} s; "
        + $"{await Scalar(db, "SELECT count(*) FROM products"):N0} products, {await Scalar(db, "SELECT count(*) FROM supplier_offers"):N0} offers");
}

// BENCH_QUERIES (./bench.sh search --queries FILE): the relevance table's queries instead of generated ones.
var queryTable = Environment.GetEnvironmentVariable("BENCH_QUERIES");
var queries = string.IsNullOrEmpty(queryTable) ? random => SearchQueries.Next(random, products / 4) : SearchQueries.FromTable(queryTable);
var search = new SearchLoad(SearchLoad.OverHttp(bff), queries);
await search.RunAsync(concurrency, TimeSpan.FromSeconds(5), CancellationToken.None);
PeakMemory.Reset();
var cpu = await CpuUse.FindAsync(postgres);
var cpuFrom = cpu.Take();
Console.WriteLine($"Searching GET /bff/api/catalog/search with {concurrency} concurrent shoppers for {seconds} s (after 5 s warm-up)"
    + (string.IsNullOrEmpty(queryTable) ? "…" : $", queries from {queryTable}…"));
var report = await search.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), CancellationToken.None);
Console.WriteLine($"  {Describe(report)}; host peak resident memory {PeakMemory.Describe()}");
Console.WriteLine($"  {CpuUse.Describe(cpuFrom, cpu.Take())}");
DescribeKinds(report);

// The floor: the same queries (same seeds, so the same sequence) as the kernel's statements straight on PostgreSQL.
var sqlFloor = SqlFloor.Create(postgres, new StoreSettings().Currency);
var floor = new SearchLoad(sqlFloor.SearchAsync, queries);
await floor.RunAsync(concurrency, TimeSpan.FromSeconds(5), CancellationToken.None);
Console.WriteLine($"The same queries' SQL straight on PostgreSQL, {concurrency} at a time for {seconds} s (the physical floor)…");
cpuFrom = cpu.Take();
var sql = await floor.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), CancellationToken.None);
Console.WriteLine($"  {Describe(sql)}");
Console.WriteLine($"  {CpuUse.Describe(cpuFrom, cpu.Take())}");
DescribeKinds(sql);
Console.WriteLine($"  API / SQL: p50 {report.Percentile(50) / sql.Percentile(50):F1}×, p95 {report.Percentile(95) / sql.Percentile(95):F1}×, "
    + $"p99 {report.Percentile(99) / sql.Percentile(99):F1}×, throughput {report.Throughput / sql.Throughput:P0} of the floor's");
if (string.IsNullOrEmpty(queryTable))
{
    Console.WriteLine("Each kind of query's SQL alone, one at a time (what a kind costs without waiting behind others):");
    await KindsAlone(sqlFloor, products, 200);
}
return report.Errors == 0 ? 0 : 1;

static async Task KindsAlone(SqlFloor floor, int products, int each)
{
    for (var kind = 0; kind < SearchQueries.Kinds.Length; kind++)
    {
        var k = kind;
        var report = await new SearchLoad(floor.SearchAsync, random => SearchQueries.Draw(random, products / 4, k)).RunCountAsync(each, CancellationToken.None);
        Console.WriteLine($"  {SearchQueries.Kinds[kind].Kind,-20} ({SearchQueries.Kinds[kind].Share,2}% of the mix): "
            + $"p50 {report.Percentile(50):F1} ms, p95 {report.Percentile(95):F1} ms");
    }
}

// Where the slowest searches come from: each kind's latencies, and its share of the searches slower than the p95.
static void DescribeKinds(LatencyReport r)
{
    var p95 = r.Percentile(95);
    var slow = r.SortedLatencies.Count(l => l > p95);
    foreach (var (kind, k) in r.ByKind.OrderByDescending(k => k.Value.Percentile(95)))
    {
        Console.WriteLine($"    {kind,-20} {k.SortedLatencies.Length,7:N0} searches: p50 {k.Percentile(50):F1}, p95 {k.Percentile(95):F1}, p99 {k.Percentile(99):F1} ms; "
            + $"{(slow == 0 ? 0 : (double)k.SortedLatencies.Count(l => l > p95) / slow):P0} of those over the p95");
    }
}

static string Describe(LatencyReport r) => $"{r.SortedLatencies.Length:N0} requests, {r.Errors} errors, {r.Throughput:N0} req/s; "
    + $"latency p50 {r.Percentile(50):F1} ms, p95 {r.Percentile(95):F1} ms, p99 {r.Percentile(99):F1} ms";

static async Task<long> Scalar(NpgsqlDataSource db, string sql)
{
    await using var command = db.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync());
}
