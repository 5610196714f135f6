using System.Threading.Channels;
using GamesDrop.BuildingBlocks.Hosting;

namespace GamesDrop.Bff.Clients;

/// <summary>
/// Hands the stale offers product pages showed to the suppliers app in the background, so a page never waits on it; the
/// suppliers app coalesces them and re-reads them from the suppliers. Best effort: when the hand-off falls behind, requests
/// are dropped and the next view of the page asks again.
/// </summary>
public sealed partial class OfferRefreshRequests(IServiceScopeFactory scopes, ILogger<OfferRefreshRequests> logger) : BackgroundService
{
    private const int MaxBatch = 100;
    private readonly Channel<OfferRef> _requests = Channel.CreateBounded<OfferRef>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Request(IEnumerable<OfferRef> offers)
    {
        foreach (var offer in offers)
        {
            _requests.Writer.TryWrite(offer);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _requests.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new HashSet<OfferRef>();
                while (batch.Count < MaxBatch && _requests.Reader.TryRead(out var offer))
                {
                    batch.Add(offer);
                }
                try
                {
                    using var scope = scopes.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<SuppliersClient>().RefreshOffersAsync([.. batch], stoppingToken);
                }
                catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
                {
                    BackgroundFailures.Record("offer-refresh-requests");
                    LogHandOffFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handing stale offers to the suppliers app failed; the next view asks again")]
    private partial void LogHandOffFailed(Exception e);
}
