using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Kernel.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>
/// Browsing reads facet counts from the cube that writes to products keep up to date; whatever the writes, it must
/// answer exactly what aggregating every product answers.
/// </summary>
public sealed class FacetCubeTests : IAsyncLifetime
{
    // Browse filters the cube serves, price bounds on band edges included (an inclusive maximum is the edge case).
    private static readonly string[] Browsing =
    [
        "", "platform=steam", "genre=RPG", "region=EU&inStock=true", "maxPrice=20", "minPrice=10&maxPrice=20",
        "minPrice=20&maxPrice=20", "minPrice=70", "platform=xbox&genre=Action&minPrice=0&maxPrice=40&sort=price_desc",
        "inStock=false&sort=newest", "genre=Indie&sort=bestselling", "maxPrice=0",
    ];

    private EmbeddedApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync();
        _client = _app.InternalClient();
        await _client.RegisterSupplierAsync("kinguin");
        await _client.PostBatchAsync("kinguin", null,
            Offer("a", "Elden Ring", price: 30m, genres: ["RPG", "Action"]),
            Offer("b", "Elden Ring", price: 50m, platform: "Xbox", region: "EU", genres: ["RPG", "Action"]),
            Offer("c", "Hades", price: 8m, genres: ["Action", "Indie"]),
            Offer("d", "Celeste", price: 5m, platform: "GOG", genres: ["Indie"]),
            Offer("e", "Doom Eternal", price: 20m, stock: 0),
            Offer("f", "Stardew Valley", price: 70m, region: "EU", genres: ["Simulation", "Indie"]));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Browsing_counts_match_a_full_count_after_offer_changes_repricing_and_folding()
    {
        await CubeShouldMatchFullCountAsync();

        await _client.PostBatchAsync("kinguin", null,
            Offer("a", "Elden Ring", price: 12m, genres: ["RPG", "Action"]),
            Offer("c", "Hades", price: 8m, stock: 0, genres: ["Action", "Indie"]),
            Offer("g", "Hollow Knight", price: 9m, platform: "Xbox", genres: ["Indie", "Action"]));
        await _app.ScalarAsync<int>("UPDATE products SET price = 20.00 WHERE slug LIKE 'hades%'; SELECT 1");
        await CubeShouldMatchFullCountAsync();

        await _client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = false });
        await CubeShouldMatchFullCountAsync();

        await FacetCubeFolder.FoldAsync(_app.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        (await _app.ScalarAsync<long>("SELECT count(*) FROM catalog_facet_changes")).Should().Be(0);
        await CubeShouldMatchFullCountAsync();
    }

    [Fact]
    public async Task Folding_keeps_the_counts_and_drops_empty_cells()
    {
        var before = await SearchAsync("genre=Simulation");
        await _app.ScalarAsync<int>("UPDATE products SET genres = '{Indie}' WHERE slug LIKE 'stardew%'; SELECT 1");

        await FacetCubeFolder.FoldAsync(_app.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);

        before.Total.Should().Be(1);
        (await SearchAsync("genre=Simulation")).Total.Should().Be(0);
        (await _app.ScalarAsync<long>("SELECT count(*) FROM catalog_facet_cells WHERE n <= 0")).Should().Be(0);
        (await _app.ScalarAsync<long>("SELECT count(*) FROM catalog_facet_cells WHERE genre = 'Simulation'")).Should().Be(0);
        await CubeShouldMatchFullCountAsync();
    }

    private async Task<SearchResult> SearchAsync(string query) =>
        (await _client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?" + query))!;

    private async Task CubeShouldMatchFullCountAsync()
    {
        await using var connection = new NpgsqlConnection(_app.DatabaseConnectionString);
        await connection.OpenAsync();
        foreach (var query in Browsing)
        {
            var request = Request(query);
            SearchApi.StatementFor(request).Should().Be(BrowseSql.Browse[request.EffectiveSort], query);
            var cube = await SearchApi.QueryAsync(connection, BrowseSql.Browse[request.EffectiveSort], request, "EUR", CancellationToken.None);
            var full = await SearchApi.QueryAsync(connection, SearchSql.Search, request, "EUR", CancellationToken.None);

            cube.Should().Be(full, query);
        }
    }

    private static SearchRequest Request(string query)
    {
        var q = System.Web.HttpUtility.ParseQueryString(query);
        decimal? Price(string name) => q[name] is { } value ? decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new SearchRequest(null, q["platform"], q["region"], q["genre"], Price("minPrice"), Price("maxPrice"),
            q["inStock"] is { } stock ? bool.Parse(stock) : null, q["sort"], null, null);
    }
}
