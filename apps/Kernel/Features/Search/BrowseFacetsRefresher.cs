using System.Data;
using System.Diagnostics;
using Dapper;
using GamesDrop.BuildingBlocks.Hosting;
using Npgsql;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Rebuilds the game counts browsing reads (catalog_browse_facets, 0170) and the games of the whole catalog and of
/// each platform (catalog_browse_games, 0190) once writes to the catalog settle: no
/// change for a second and no supplier sync running, or changes waiting two minutes in a catalog that never stops
/// changing. A rebuild takes about two seconds of one core at 100k products, so it waits out a sync instead of
/// taking the sync's CPU between its batches; until it has run, browsing counts live and is exact either way.
/// </summary>
internal sealed partial class BrowseFacetsRefresher(NpgsqlDataSource db, ILogger<BrowseFacetsRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
                {
                    BackgroundFailures.Record("browse-facets");
                    LogFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Rebuilds the counts if changes have settled; true when it did.</summary>
    internal async Task<bool> RefreshAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SearchSql.BrowseCountsDue, cancellationToken: ct)))
        {
            return false;
        }
        var started = Stopwatch.GetTimestamp();
        // Repeatable read: the changes deleted are exactly those whose rows the counts include. The lock comes
        // before the snapshot, so a second kernel waiting on it sees the first one's rebuild and finds nothing to do.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE catalog_browse_facets IN SHARE ROW EXCLUSIVE MODE", transaction: transaction, cancellationToken: ct));
        var changes = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM catalog_browse_changes", transaction: transaction, cancellationToken: ct));
        if (changes == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM catalog_browse_facets; DELETE FROM catalog_browse_games", transaction: transaction, cancellationToken: ct));
        var cells = await connection.ExecuteAsync(new CommandDefinition(SearchSql.BrowseCounts, transaction: transaction, commandTimeout: 120, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(SearchSql.BrowseGames, transaction: transaction, commandTimeout: 120, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        LogRebuilt(cells, changes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Browse counts rebuilt: {Cells} cells after {Changes} catalog writes, in {Milliseconds:F0} ms")]
    private partial void LogRebuilt(int cells, int changes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the browse counts failed; retrying")]
    private partial void LogFailed(Exception e);
}
