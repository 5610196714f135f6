using System.Threading.Channels;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Suppliers.Adapters;

namespace GamesDrop.Suppliers.Features.Sync;

/// <summary>
/// Runs requested syncs one after another in the background, so a trigger (cron binding, operator) is
/// answered at once and never times out while a large catalog is read.
/// </summary>
public sealed class SyncQueue(IServiceScopeFactory scopes, ILogger<SyncQueue> logger) : BackgroundService
{
    private readonly Channel<(string Supplier, bool Full)> _requests = Channel.CreateUnbounded<(string, bool)>();

    public void Request(string supplier, bool full) => _requests.Writer.TryWrite((supplier, full));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (code, full) in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            using var scope = scopes.CreateScope();
            var supplier = scope.ServiceProvider.GetRequiredService<SupplierRegistry>().Find(code);
            if (supplier is null)
            {
                continue;
            }
            try
            {
                await scope.ServiceProvider.GetRequiredService<CatalogSync>().RunAsync(supplier, full, stoppingToken);
            }
            catch (HttpRequestException e)
            {
                // The kernel itself was unreachable; the next trigger tries again.
                logger.LogWarning(e, "Sync of {Supplier} could not reach the kernel", code);
            }
            catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
            {
                // A missing secret or a supplier answer nobody expected ends this run only; the next trigger tries again.
                BackgroundFailures.Record("supplier-sync");
                logger.LogError(e, "Sync of {Supplier} failed", code);
            }
        }
    }
}
