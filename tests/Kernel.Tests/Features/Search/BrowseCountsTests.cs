using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Search;
using GamesDrop.TestSupport;
using Npgsql;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>
/// Browsing reads precounted facets once catalog writes settle, and counts live before that: both must give the
/// same answer for every filter combination, and a write must show at once.
/// </summary>
public sealed class BrowseCountsTests : CatalogTest
{
    private static readonly string?[] Platforms = [null, "Steam", "Xbox", "GOG"];
    private static readonly string?[] Regions = [null, "GLOBAL", "EU"];
    private static readonly string?[] Genres = [null, "RPG", "Indie"];
    private static readonly (decimal? Min, decimal? Max)[] Bands = [(null, null), (0, 10), (20, 40), (70, null), (5, 25)];
    private static readonly bool?[] Stock = [null, true, false];
    private static readonly string[] Sorts = ["relevance", "price_asc", "price_desc", "newest", "bestselling"];

    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null,
            Offer("er-steam", "Elden Ring", price: 30m, genres: ["RPG", "Action"]),
            Offer("er-xbox", "Elden Ring", price: 50m, platform: "Xbox", region: "EU", genres: ["RPG", "Action"]),
            Offer("er-gog", "Elden Ring", price: 8m, platform: "GOG", stock: 0, genres: ["RPG"]),
            Offer("hades", "Hades", price: 20m, genres: ["Action", "Indie"]),
            Offer("hades-eu", "Hades", price: 4m, region: "EU", genres: ["Indie"]),
            Offer("celeste", "Céleste", price: 5m, platform: "GOG", genres: ["Indie"]),
            Offer("bare", "Untitled Thing", price: 90m, genres: []),
            Offer("gone", "Gone Game", price: 12m, available: false, genres: ["RPG"]),
            Offer("doom", "Doom Eternal", price: 70m, stock: 0, platform: "Xbox"));
    }

    [Fact]
    public async Task Settled_counts_answer_every_filter_combination_as_counting_live_does()
    {
        await SettledAsync();
        await using var connection = await OpenAsync();
        var combinations = (from platform in Platforms from region in Regions from genre in Genres from band in Bands from stock in Stock
                            select new SearchParameters(null, platform, region, genre, band.Min, band.Max, stock, null, null, 100))
            // The whole catalog and one platform read games grouped already: every sort, and a page past the first.
            .Concat(from platform in Platforms from sort in Sorts from page in new int?[] { null, 2 }
                    select new SearchParameters(null, platform, null, null, null, null, null, sort, page, 2))
            .ToList();

        var settled = new List<SearchApi.SearchRow>();
        foreach (var search in combinations)
        {
            settled.Add(await SearchApi.QueryAsync(connection, search, "EUR", facets: true, CancellationToken.None));
        }
        // A change not yet counted, seen only by this transaction, makes every facet count live.
        var live = new List<SearchApi.SearchRow>();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO catalog_browse_changes DEFAULT VALUES", transaction: transaction);
            foreach (var search in combinations)
            {
                live.Add(await SearchApi.QueryAsync(connection, search, "EUR", facets: true, CancellationToken.None));
            }
            await transaction.RollbackAsync();
        }

        settled.Should().BeEquivalentTo(live, o => o.WithStrictOrdering());
        settled.Count(r => r.Total > 0).Should().BeGreaterThan(combinations.Count / 4, "the combinations must find games to compare");
        settled[0].Facets!.Platform.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Settled_browsing_reads_the_counts_not_the_catalog()
    {
        await SettledAsync();
        await using var connection = await OpenAsync();
        var everything = new SearchParameters(null, null, null, null, null, null, null, null, null, null);
        var before = await SearchApi.QueryAsync(connection, everything, "EUR", facets: true, CancellationToken.None);

        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE catalog_browse_facets SET games = games + 1000", transaction: transaction);
        var doctored = await SearchApi.QueryAsync(connection, everything, "EUR", facets: true, CancellationToken.None);
        await transaction.RollbackAsync();

        doctored.Facets!.Platform.Should().NotBeEquivalentTo(before.Facets!.Platform);
        doctored.Items.Should().Be(before.Items, "the cards are always read from the catalog");
    }

    [Fact]
    public async Task Settled_browsing_of_the_whole_catalog_or_a_platform_reads_its_games_grouped_already()
    {
        await SettledAsync();
        await using var connection = await OpenAsync();
        var cheapestFirst = new SearchParameters(null, null, null, null, null, null, null, "price_asc", null, 100);
        var onSteam = cheapestFirst with { Platform = "Steam" };
        Task<SearchApi.SearchRow> BrowseAsync(SearchParameters search) => SearchApi.QueryAsync(connection, search, "EUR", facets: true, CancellationToken.None);
        var (all, steam) = (await BrowseAsync(cheapestFirst), await BrowseAsync(onSteam));

        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("DELETE FROM catalog_browse_games WHERE search_title = 'hades'", transaction: transaction);
        var (allDoctored, steamDoctored) = (await BrowseAsync(cheapestFirst), await BrowseAsync(onSteam));
        await transaction.RollbackAsync();

        all.Items.Should().Contain("\"Hades\"");
        steam.Items.Should().Contain("\"Hades\"");
        (allDoctored.Total, steamDoctored.Total).Should().Be((all.Total - 1, steam.Total - 1));
        allDoctored.Items.Should().NotContain("\"Hades\"");
        steamDoctored.Items.Should().NotContain("\"Hades\"");
    }

    [Fact]
    public async Task A_write_is_counted_at_once_and_the_counts_settle_again()
    {
        await SettledAsync();
        var soldOut = new SearchParameters(null, null, null, null, null, null, false, null, null, 100);
        await using var connection = await OpenAsync();
        var before = await SearchApi.QueryAsync(connection, soldOut, "EUR", facets: true, CancellationToken.None);

        await Client.PostBatchAsync("kinguin", null, Offer("hades", "Hades", price: 20m, stock: 0, genres: ["Action", "Indie"]));
        var atOnce = await SearchApi.QueryAsync(connection, soldOut, "EUR", facets: true, CancellationToken.None);
        await SettledAsync();
        var settled = await SearchApi.QueryAsync(connection, soldOut, "EUR", facets: true, CancellationToken.None);

        atOnce.Items.Should().Contain("hades-steam-global");
        before.Items.Should().NotContain("hades-steam-global");
        atOnce.Facets!.InStock.Should().NotBeEquivalentTo(before.Facets!.InStock, "one more game has a variant sold out");
        atOnce.Should().BeEquivalentTo(settled, o => o.WithStrictOrdering());
        (await App.ScalarAsync<long>(CopyDiffers)).Should().Be(0, "the copy holds every product's browse columns");
    }

    [Fact]
    public async Task The_copy_follows_products_that_are_deleted()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO products (slug, match_key, title, platform, region) VALUES ('tmp', 'tmp', 'Temporary', 'Steam', 'GLOBAL');
            DELETE FROM products WHERE slug = 'tmp'
            """, transaction: transaction);

        (await connection.ExecuteScalarAsync<long>(CopyDiffers, transaction: transaction)).Should().Be(0);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM catalog_browse_changes", transaction: transaction)).Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task An_update_is_copied_only_when_it_changes_what_browsing_reads()
    {
        await SettledAsync();
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Task<long> ChangesAsync() => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM catalog_browse_changes", transaction: transaction);

        await connection.ExecuteAsync("UPDATE products SET description = description || ' Again.'", transaction: transaction);
        var afterDescriptions = await ChangesAsync();
        await connection.ExecuteAsync("UPDATE products SET price = price + 1 WHERE slug = 'hades-steam-global'", transaction: transaction);
        var afterPrice = await ChangesAsync();

        (afterDescriptions, afterPrice).Should().Be((0, 1));
        (await connection.ExecuteScalarAsync<long>(CopyDiffers, transaction: transaction)).Should().Be(0);
    }

    [Fact]
    public async Task The_counts_wait_out_a_running_sync_but_not_for_ever()
    {
        await SettledAsync();
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Task<bool> DueAsync() => connection.ExecuteScalarAsync<bool>(SearchSql.BrowseCountsDue, transaction: transaction);
        var run = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sync_runs (supplier_code, kind, status) VALUES ('kinguin', 'full', 'running') RETURNING id", transaction: transaction);
        await connection.ExecuteAsync("INSERT INTO catalog_browse_changes (at) VALUES (clock_timestamp() - interval '5 seconds')", transaction: transaction);

        var whileSyncing = await DueAsync();
        await connection.ExecuteAsync("UPDATE sync_runs SET started_at = now() - interval '1 hour' WHERE id = @run", new { run }, transaction);
        var longButWriting = await DueAsync();
        await connection.ExecuteAsync("UPDATE sync_runs SET active_at = now() - interval '1 hour' WHERE id = @run", new { run }, transaction);
        var leftByAStoppedHost = await DueAsync();
        await connection.ExecuteAsync("UPDATE sync_runs SET started_at = now(), active_at = now(), status = 'succeeded' WHERE id = @run", new { run }, transaction);
        var afterIt = await DueAsync();
        await connection.ExecuteAsync("""
            UPDATE sync_runs SET status = 'running' WHERE id = @run;
            UPDATE catalog_browse_changes SET at = clock_timestamp() - interval '3 minutes'
            """, new { run }, transaction);
        var longWaiting = await DueAsync();

        (whileSyncing, longButWriting, leftByAStoppedHost, afterIt, longWaiting).Should().Be((false, false, true, true, true));
    }

    private const string CopyDiffers = """
        SELECT count(*) FROM (
            (SELECT id, search_title, platform, region, genres, price, in_stock, release_date FROM products
             EXCEPT SELECT id, search_title, platform, region, genres, price, in_stock, release_date FROM catalog_browse)
            UNION ALL
            (SELECT id, search_title, platform, region, genres, price, in_stock, release_date FROM catalog_browse
             EXCEPT SELECT id, search_title, platform, region, genres, price, in_stock, release_date FROM products)) d
        """;

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task SettledAsync() =>
        (await Eventually.HoldsAsync(async () => await App.ScalarAsync<bool>(
            "SELECT NOT EXISTS (SELECT 1 FROM catalog_browse_changes) AND EXISTS (SELECT 1 FROM catalog_browse_facets)"), TimeSpan.FromMinutes(1)))
        .Should().BeTrue("the kernel rebuilds the counts once writes settle");
}
