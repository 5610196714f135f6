using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Clients;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Features.Refresh;

/// <summary>
/// Re-reads stale offers that product views asked about, in the background: a view only queues them and never waits on a
/// supplier. An offer already waiting or being read is not queued twice, so many views make one call. Calls go through the
/// suppliers' refresh endpoints (their own timeout and breaker in resiliency.yaml) under their own rate quota, so failing
/// refreshes can neither open the breaker purchases go through nor spend the quota of purchases and syncs.
/// </summary>
public sealed partial class OfferRefresher(
    IServiceScopeFactory scopes, IOptions<RefreshOptions> options, TimeProvider time, ILogger<OfferRefresher> logger) : BackgroundService
{
    /// <summary>The service key of the supplier adapters and registry bound to the refresh endpoints.</summary>
    public const string Key = "refresh";

    private static readonly Meter Meter = new(Health.SupplierCallMetrics.MeterName);
    private static readonly Counter<long> Refreshes = Meter.CreateCounter<long>("gamesdrop.offer.refreshes", description: "Offer re-reads for product views");

    private readonly ConcurrentDictionary<OfferRef, byte> _pending = new();
    private readonly ConcurrentDictionary<string, RateLimiter> _quotas = new();
    private readonly Channel<OfferRef> _queue = Channel.CreateBounded<OfferRef>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueLimit))
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues the offers not already waiting; answers at once with how many were queued.</summary>
    public int Enqueue(IEnumerable<OfferRef> offers)
    {
        var queued = 0;
        foreach (var offer in offers)
        {
            if (!_pending.TryAdd(offer, 0))
            {
                continue;
            }
            if (_queue.Writer.TryWrite(offer))
            {
                queued++;
            }
            else
            {
                _pending.TryRemove(offer, out _);
            }
        }
        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Parallel.ForEachAsync(_queue.Reader.ReadAllAsync(stoppingToken),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency), CancellationToken = stoppingToken },
                RefreshAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async ValueTask RefreshAsync(OfferRef offer, CancellationToken ct)
    {
        var outcome = "refreshed";
        try
        {
            using var scope = scopes.CreateScope();
            if (scope.ServiceProvider.GetRequiredKeyedService<SupplierRegistry>(Key).Find(offer.Supplier) is not { } supplier)
            {
                outcome = "unknown-supplier";
                return;
            }
            using var lease = await QuotaOf(supplier.Code).AcquireAsync(1, ct);
            if (!lease.IsAcquired)
            {
                outcome = "over-quota";
                return;
            }
            var live = await supplier.GetOfferAsync(offer.Sku, ct);
            var change = live is null
                ? new OfferChange(supplier.Code, offer.Sku, null, null, 0, false, time.GetUtcNow())
                : new OfferChange(supplier.Code, offer.Sku, live.Price, live.Currency, live.Stock, live.Available, live.SupplierUpdatedAt ?? time.GetUtcNow());
            await scope.ServiceProvider.GetRequiredService<KernelCatalogClient>().ApplyChangeAsync(change, ct);
        }
        catch (Exception e) when (SupplierFailures.IsSupplierFailure(e) && !ct.IsCancellationRequested)
        {
            // The supplier (or its refresh breaker) said no: the offer keeps its last known state and the next view asks again.
            outcome = "failed";
            LogRefreshFailed(offer.Supplier, offer.Sku, e.Message);
        }
        catch (Exception e) when (BackgroundFailures.IsFailure(e, ct))
        {
            outcome = "failed";
            BackgroundFailures.Record("offer-refresh");
            LogRefreshBroke(e, offer.Supplier, offer.Sku);
        }
        finally
        {
            _pending.TryRemove(offer, out _);
            Refreshes.Add(1, new TagList { { "supplier", offer.Supplier }, { "outcome", outcome } });
        }
    }

    private RateLimiter QuotaOf(string supplier) => _quotas.GetOrAdd(supplier, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, options.Value.Burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / Math.Max(0.01, options.Value.CallsPerSecond)),
        QueueLimit = Math.Max(1, options.Value.QueueLimit),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    }));

    public override void Dispose()
    {
        foreach (var quota in _quotas.Values)
        {
            quota.Dispose();
        }
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshing {Supplier} offer {Sku} failed: {Reason}")]
    private partial void LogRefreshFailed(string supplier, string sku, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing {Supplier} offer {Sku} failed")]
    private partial void LogRefreshBroke(Exception e, string supplier, string sku);
}
