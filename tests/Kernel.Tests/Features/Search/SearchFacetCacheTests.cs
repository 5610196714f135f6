using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>
/// A search's facet counts are kept for its other sorts and pages (SearchFacetCache); the page of results is always
/// read anew, and other words or filters are counted anew. Left out, the facets change nothing else in the answer.
/// </summary>
public sealed class SearchFacetCacheTests : CatalogTest
{
    // Long enough that no test here outlives it on a slow machine.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Catalog:SearchFacetsFor"] = "00:05:00" };

    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null,
            Offer("hades", "Hades", price: 20m, genres: ["Action", "Indie"]),
            Offer("hades-xbox", "Hades", price: 25m, platform: "Xbox", genres: ["Action"]),
            Offer("hades-2", "Hades II", price: 30m, genres: ["Action"]),
            Offer("celeste", "Céleste", price: 5m, platform: "GOG", genres: ["Indie"]));
    }

    private async Task<SearchResult> SearchAsync(string query) =>
        (await Client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?" + query))!;

    [Fact]
    public async Task Another_sort_or_page_of_a_search_reuses_its_counts_and_reads_its_results_anew()
    {
        var first = await SearchAsync("q=hades");
        await Client.PostBatchAsync("kinguin", null, Offer("hades-2", "Hades II", price: 30m, stock: 0, genres: ["Action"]));

        var sorted = await SearchAsync("q=Hades&sort=price_desc");
        var paged = await SearchAsync("q=hades&pageSize=1&page=2");
        var filtered = await SearchAsync("q=hades&inStock=false");

        first.Facets.InStock.Should().Equal(new FacetValue("true", 2));
        sorted.Facets.Should().BeEquivalentTo(first.Facets, o => o.WithStrictOrdering(), "only the sort changed");
        sorted.Items.Should().ContainSingle(i => i.Title == "Hades II").Which.InStock.Should().BeFalse("the results are read anew");
        paged.Facets.Should().BeEquivalentTo(first.Facets, o => o.WithStrictOrdering(), "only the page changed");
        paged.Items.Should().ContainSingle();
        filtered.Facets.InStock.Should().Equal(new[] { new FacetValue("true", 1), new FacetValue("false", 1) }, "another filter is counted anew");
        filtered.Items.Select(i => i.Title).Should().Equal("Hades II");
    }

    [Fact]
    public async Task Kept_counts_serve_browsing_and_did_you_mean_by_the_search_they_answer()
    {
        var browsing = await SearchAsync("sort=newest");
        var misspelt = await SearchAsync("q=hadez%20iii");
        var again = await SearchAsync("q=hadez%20iii&sort=price_asc");

        (await SearchAsync("sort=price_asc")).Facets.Should().BeEquivalentTo(browsing.Facets, o => o.WithStrictOrdering());
        browsing.Facets.Platform.Should().Equal(new FacetValue("Steam", 2), new FacetValue("GOG", 1), new FacetValue("Xbox", 1));
        misspelt.Suggestion.Should().Be("Hades II");
        misspelt.Facets.Platform.Should().Equal(new FacetValue("Steam", 1));
        (again.Suggestion, again.Items.Select(i => i.Title).Single()).Should().Be(("Hades II", "Hades II"));
        again.Facets.Should().BeEquivalentTo(misspelt.Facets, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("q=hades")]
    [InlineData("q=hadse&sort=price_asc&pageSize=1&page=2")]
    [InlineData("q=hades&platform=steam&genre=Action&minPrice=10&maxPrice=40&inStock=true")]
    [InlineData("sort=newest")]
    [InlineData("platform=gog&genre=Indie")]
    [InlineData("region=global&minPrice=5&maxPrice=25&inStock=true&sort=price_desc")]
    public async Task Leaving_the_facets_out_leaves_the_total_and_the_results_as_they_were(string query)
    {
        var search = Parse(query);
        var words = App.Services.GetRequiredKeyedService<NpgsqlDataSource>(SearchApi.SearchDataSource);
        await using var connection = await words.OpenConnectionAsync();

        var counted = await SearchApi.QueryAsync(connection, search, "EUR", facets: true, CancellationToken.None);
        var left = await SearchApi.QueryAsync(connection, search, "EUR", facets: false, CancellationToken.None);

        (left.Total, left.Items).Should().Be((counted.Total, counted.Items));
        counted.Total.Should().BePositive();
        counted.Facets!.Platform.Should().NotBeEmpty();
        left.Facets.Should().BeNull();
    }

    private static SearchParameters Parse(string query)
    {
        var values = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        string? Get(string name) => values.GetValueOrDefault(name);
        return new SearchParameters(Get("q"), Get("platform"), Get("region"), Get("genre"),
            Get("minPrice") is { } min ? decimal.Parse(min) : null, Get("maxPrice") is { } max ? decimal.Parse(max) : null,
            Get("inStock") is { } stock ? bool.Parse(stock) : null, Get("sort"),
            Get("page") is { } page ? int.Parse(page) : null, Get("pageSize") is { } size ? int.Parse(size) : null);
    }
}

/// <summary>With <c>Catalog:SearchFacetsFor</c> at zero, every search counts its facets.</summary>
public sealed class SearchFacetsCountedEachTimeTests : CatalogTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Catalog:SearchFacetsFor"] = "00:00:00" };

    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null, Offer("hades", "Hades", price: 20m), Offer("hades-2", "Hades II", price: 30m));
    }

    [Fact]
    public async Task Another_sort_counts_the_facets_again()
    {
        var first = (await Client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?q=hades"))!;
        await Client.PostBatchAsync("kinguin", null, Offer("hades-2", "Hades II", price: 30m, stock: 0));

        var sorted = (await Client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?q=hades&sort=price_desc"))!;

        first.Facets.InStock.Should().Equal(new FacetValue("true", 2));
        sorted.Facets.InStock.Should().Equal(new FacetValue("true", 1), new FacetValue("false", 1));
    }
}
