using GamesDrop.Bff.Clients;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts.Admin;

namespace GamesDrop.Bff.Features.Funnel;

/// <summary>
/// Counts the funnel steps the order tables cannot: product page views and cart adds. A view costs an interlocked add;
/// every <see cref="FunnelOptions.ReportEvery"/> the counts since the last report go to the kernel in one call, which adds them to the
/// current quarter hour, so several BFF processes add up. Only numbers leave, nothing about the shopper. Counts the kernel
/// could not take are kept for the next report; those of a process that dies between reports are lost.
/// </summary>
public sealed partial class FunnelCounter(IServiceScopeFactory scopes, FunnelOptions options, ILogger<FunnelCounter> logger)
    : BackgroundService
{
    private readonly TimeSpan _every = options.ReportEvery;
    private long _views;
    private long _cartAdds;

    public void ProductViewed() => Interlocked.Increment(ref _views);

    public void AddedToCart() => Interlocked.Increment(ref _cartAdds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ReportAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // A clean stop reports what was counted since the last tick.
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await ReportAsync(cancellationToken);
    }

    private async Task ReportAsync(CancellationToken ct)
    {
        var counts = new FunnelCounts(Interlocked.Exchange(ref _views, 0), Interlocked.Exchange(ref _cartAdds, 0));
        if (counts is { ProductViews: 0, CartAdds: 0 })
        {
            return;
        }
        try
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<KernelClient>().AddFunnelCountsAsync(counts, ct);
        }
        catch (Exception e) when (BackgroundFailures.IsFailure(e, ct))
        {
            Interlocked.Add(ref _views, counts.ProductViews);
            Interlocked.Add(ref _cartAdds, counts.CartAdds);
            BackgroundFailures.Record("funnel-counts");
            LogReportFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting funnel counts to the kernel failed; they go with the next report")]
    private partial void LogReportFailed(Exception e);
}
