using Npgsql;
using GamesDrop.BuildingBlocks.Hosting;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Folds the facet cube's pending changes into its cells every few seconds (config Catalog:FacetFoldEvery, default
/// 2 s), so browsing sums a few hundred cells and few changes. Counts are exact without it; it only bounds their cost.
/// </summary>
public sealed partial class FacetCubeFolder(NpgsqlDataSource db, IConfiguration configuration, ILogger<FacetCubeFolder> logger)
    : BackgroundService
{
    /// <summary>Moves every change visible now into the cells, in one transaction, and drops cells that reach zero.</summary>
    public static async Task FoldAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand(FoldSql);
        await command.ExecuteNonQueryAsync(ct);
    }

    // One folder at a time across kernel instances; a busy lock means another is folding now. The cells are
    // written in key order, the same in every fold.
    private const string FoldSql = """
        DO $$
        BEGIN
            IF pg_try_advisory_xact_lock(hashtext('catalog_facet_fold')) THEN
                WITH moved AS (DELETE FROM catalog_facet_changes RETURNING genre, platform, region, band, in_stock, n)
                INSERT INTO catalog_facet_cells AS c (genre, platform, region, band, in_stock, n)
                SELECT genre, platform, region, band, in_stock, sum(n) FROM moved
                GROUP BY genre, platform, region, band, in_stock
                ORDER BY genre, platform, region, band, in_stock
                ON CONFLICT (genre, platform, region, band, in_stock) DO UPDATE SET n = c.n + excluded.n;
                DELETE FROM catalog_facet_cells WHERE n = 0;
            END IF;
        END
        $$
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("Catalog:FacetFoldEvery", TimeSpan.FromSeconds(2));
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FoldAsync(db, stoppingToken);
            }
            catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
            {
                BackgroundFailures.Record("facet-cube-fold");
                LogFoldFailed(e);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Folding facet cube changes failed; browsing sums them until the next fold")]
    private partial void LogFoldFailed(Exception e);
}
