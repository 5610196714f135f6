using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.ServiceDefaults.Telemetry;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Clients;

namespace GamesDrop.Suppliers.Features.Sync;

/// <summary>
/// Pages through a supplier's catalog and hands each page to the kernel as one batch, inside a recorded sync
/// run. Delta where the supplier supports it (since the last successful run), full otherwise or when asked
/// or when the last full run is a day old; a full run lets the kernel mark what vanished.
/// </summary>
public sealed partial class CatalogSync(KernelCatalogClient kernel, SyncProgress progress, TimeProvider time, ILogger<CatalogSync> logger)
{
    private const int MaxInFlight = 2;
    private static readonly TimeSpan FullEvery = TimeSpan.FromDays(1);
    private static readonly TimeSpan DeltaOverlap = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _oneAtATime = new();

    public async Task<SyncStatus> RunAsync(ISupplier supplier, bool forceFull, CancellationToken ct)
    {
        var gate = _oneAtATime.GetOrAdd(supplier.Code, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
        {
            return progress.All.First(s => s.Supplier == supplier.Code);
        }
        try
        {
            return await RunExclusiveAsync(supplier, forceFull, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SyncStatus> RunExclusiveAsync(ISupplier supplier, bool forceFull, CancellationToken ct)
    {
        await kernel.RegisterSupplierAsync(supplier.Code, supplier.Name, supplier.Currency, ct);
        var runs = await kernel.RunsAsync(supplier.Code, 50, ct);
        var lastFull = runs.FirstOrDefault(r => r is { Kind: "full", Status: "succeeded" });
        var since = forceFull || !supplier.SupportsDeltaSync ? null : DeltaSince(runs, lastFull);
        var full = since is null;
        var run = await kernel.StartRunAsync(new StartSyncRun(supplier.Code, full), ct);
        var status = new SyncStatus(supplier.Code, run.Id, full, run.StartedAt, 0, 0, 0, 0, 0, Running: true, null,
            Expected: full ? lastFull?.OffersSeen : null, Phases: SyncPhases.None);
        progress.Set(status);
        LogStarted(supplier.Code, run.Id, full ? "full" : "delta");
        var clock = Stopwatch.StartNew();
        var inFlight = new Queue<(Task<OfferBatchResult> Write, HashSet<string> Skus)>();
        async Task SettleOldestAsync() => status = Count(status, await inFlight.Dequeue().Write);

        // Two batches are written at once while the next pages are read: a batch is one database statement after
        // another, and the database can run the second batch's on the other core. The kernel takes every lock two
        // batches can contend for in one order (new products by key, offers then products by id, new words in order,
        // the run's counts last; foreign-key checks wait on none of these), so they cannot deadlock. A SKU listed again
        // on a later page must be written after its earlier listing: the batch holding it (and those before) is waited for.
        async Task SendAsync(List<SupplierOffer> offers)
        {
            var skus = offers.Select(o => o.Sku).ToHashSet(StringComparer.Ordinal);
            while (inFlight.Count > 0 && (inFlight.Count >= MaxInFlight || inFlight.Any(f => f.Skus.Overlaps(skus))))
            {
                await SettleOldestAsync();
            }
            inFlight.Enqueue((kernel.SendBatchAsync(new OfferBatch(supplier.Code, run.Id, offers), ct), skus));
            status = status with { Offers = status.Offers + offers.Count };
            StoreMetrics.SyncedOffers(supplier.Code, offers.Count);
            progress.Set(status);
            LogProgress(supplier.Code, run.Id, status.Pages, status.Offers, status.Created + status.Updated);
        }

        try
        {
            // Pages are gathered into kernel-sized batches, and the next pages are read while batches are written.
            var pending = new List<SupplierOffer>(OfferBatch.MaxOffers);
            await using var pages = supplier.ListOffersAsync(since, ct).GetAsyncEnumerator(ct);
            while (true)
            {
                var reading = Stopwatch.GetTimestamp();
                var more = await pages.MoveNextAsync();
                status = status with { Phases = status.Phases!.Add(new SyncPhases(Stopwatch.GetElapsedTime(reading).TotalMilliseconds, 0, 0, 0)) };
                if (!more)
                {
                    break;
                }
                pending.AddRange(pages.Current.Select(ForKernel));
                status = status with { Pages = status.Pages + 1 };
                while (pending.Count >= OfferBatch.MaxOffers)
                {
                    await SendAsync(pending[..OfferBatch.MaxOffers]);
                    pending.RemoveRange(0, OfferBatch.MaxOffers);
                }
            }
            if (pending.Count > 0)
            {
                await SendAsync(pending);
            }
            while (inFlight.Count > 0)
            {
                await SettleOldestAsync();
            }
            await kernel.FinishRunAsync(run.Id, new FinishSyncRun(status.Pages, null), ct);
            status = status with { Running = false };
            var phases = status.Phases!;
            LogFinished(supplier.Code, run.Id, status.Offers, status.Created, status.Updated, clock.ElapsedMilliseconds,
                (long)phases.FetchMs, (long)phases.MatchMs, (long)phases.SqlMs, (long)phases.OutboxMs);
        }
        catch (Exception e) when (SupplierFailures.IsSupplierFailure(e) || e is JsonException or InvalidOperationException or InvalidDataException)
        {
            // Malformed supplier data or a missing secret fails the run as a refusing supplier does: recorded, retried next time.
            // Batches still being written settle first (their own failures included), so none reaches a finished run.
            await Task.WhenAny(Task.WhenAll(inFlight.Select(f => f.Write)));
            LogFailed(e, supplier.Code, run.Id);
            status = status with { Running = false, Error = e.Message };
            await kernel.FinishRunAsync(run.Id, new FinishSyncRun(status.Pages, e.Message), CancellationToken.None);
        }
        progress.Set(status);
        return status;
    }

    private static SyncStatus Count(SyncStatus status, OfferBatchResult? result) => result is null ? status : status with
    {
        Created = status.Created + result.Created,
        Updated = status.Updated + result.Updated,
        Unchanged = status.Unchanged + result.Unchanged,
        Quarantined = status.Quarantined + result.Quarantined,
        Phases = status.Phases!.Add(result.Timings),
    };

    /// <summary>
    /// A listing whose supplier left text out travels with empty text rather than null, so the kernel quarantines that
    /// one listing with its reason instead of refusing the whole batch as malformed.
    /// </summary>
    private static SupplierOffer ForKernel(SupplierOffer offer) => offer with
    {
        Sku = offer.Sku ?? "",
        Title = offer.Title ?? "",
        Platform = offer.Platform ?? "",
        Region = offer.Region ?? "",
        Edition = offer.Edition ?? "",
        Genres = offer.Genres ?? [],
        Description = offer.Description ?? "",
        ActivationNotes = offer.ActivationNotes ?? "",
        Currency = offer.Currency ?? "",
    };

    private DateTimeOffset? DeltaSince(IReadOnlyList<SyncRun> runs, SyncRun? lastFull)
    {
        if (lastFull is null || time.GetUtcNow() - lastFull.StartedAt > FullEvery)
        {
            return null;
        }
        var lastGood = runs.First(r => r.Status == "succeeded");
        return lastGood.StartedAt - DeltaOverlap;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {Supplier} run {RunId} started ({Kind})")]
    private partial void LogStarted(string supplier, long runId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {Supplier} run {RunId}: page {Pages}, {Offers} offers read, {Changed} changed")]
    private partial void LogProgress(string supplier, long runId, int pages, int offers, int changed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {Supplier} run {RunId} finished: {Offers} offers, {Created} new, {Updated} changed in {ElapsedMs} ms "
        + "(fetch {FetchMs} ms, match {MatchMs} ms, SQL {SqlMs} ms, outbox {OutboxMs} ms)")]
    private partial void LogFinished(string supplier, long runId, int offers, int created, int updated, long elapsedMs,
        long fetchMs, long matchMs, long sqlMs, long outboxMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync {Supplier} run {RunId} failed")]
    private partial void LogFailed(Exception e, string supplier, long runId);
}
