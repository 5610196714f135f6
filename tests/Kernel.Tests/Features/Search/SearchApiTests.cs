using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Search;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamesDrop.Kernel.Tests.Features.Search;

public sealed class SearchApiTests(SearchFixture catalog) : IClassFixture<SearchFixture>, IDisposable
{
    private readonly HttpClient _client = catalog.App.InternalClient();

    public void Dispose() => _client.Dispose();

    private async Task<SearchResult> SearchAsync(string query) =>
        (await _client.GetFromJsonAsync<SearchResult>("/kernel/catalog/search?" + query))!;

    [Fact]
    public async Task Relevance_ranks_exact_title_over_words_in_order_and_corrects_only_unknown_words()
    {
        var exact = await SearchAsync("q=Elden%20Ring");
        var typo = await SearchAsync("q=Elden%20Rinx");

        exact.Items.Select(i => (i.Title, i.Platform)).Should().Equal(
            ("Elden Ring", "Steam"), ("Elden Ring Nightreign", "Steam"), ("Ring of Elden Tales", "Steam"));
        exact.Total.Should().Be(3, "with every word known, no word is corrected: Eldem Ring is not a match");
        exact.Suggestion.Should().BeNull();
        typo.Suggestion.Should().Be("Elden Ring", "a word of four letters is not corrected, so nothing matches and the closest title is searched");
        typo.Items.Select(i => i.Title).Should().Equal("Elden Ring", "Elden Ring Nightreign", "Ring of Elden Tales");
    }

    [Theory]
    [InlineData("eldan ring", "Elden Ring")]
    [InlineData("witchr", "The Witcher 3: Wild Hunt")]
    [InlineData("celeste", "Céleste")]
    [InlineData("nightre", "Elden Ring Nightreign")]
    public async Task Typos_accents_and_unfinished_words_still_find_the_game(string query, string title)
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString(query));

        result.Items.Select(i => i.Title).Should().Contain(title);
    }

    [Fact]
    public async Task A_query_of_many_words_is_refused_before_any_fuzzy_matching()
    {
        var hostile = string.Join(' ', Enumerable.Range(0, 60).Select(i => "zq" + (char)('a' + i % 26)));

        var search = await _client.GetAsync("/kernel/catalog/search?q=" + Uri.EscapeDataString(hostile));
        var suggest = await _client.GetAsync("/kernel/catalog/suggest?q=" + Uri.EscapeDataString(hostile));
        var ten = await _client.GetAsync("/kernel/catalog/search?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("elden", 10))));

        (search.StatusCode, suggest.StatusCode, ten.StatusCode).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK));
    }

    // Whatever a query costs, the server ends it at the timeout: a statement that would run longer is cancelled there.
    [Fact]
    public async Task Statements_on_the_search_connections_end_at_the_statement_timeout()
    {
        var words = catalog.App.Services.GetRequiredKeyedService<NpgsqlDataSource>(SearchApi.SearchDataSource);
        await using var connection = await words.OpenConnectionAsync();
        await using var slow = new NpgsqlCommand("SELECT pg_sleep(30)", connection) { CommandTimeout = 60 };

        var ended = await FluentActions.Awaiting(() => slow.ExecuteNonQueryAsync()).Should().ThrowAsync<PostgresException>();

        ended.Which.SqlState.Should().Be(PostgresErrorCodes.QueryCanceled);
        ended.Which.MessageText.Should().Contain("statement timeout");
    }

    // Searches beyond the cap on connections queue for one instead of all sharing the database's cores, or failing.
    [Fact]
    public async Task A_search_beyond_the_search_connections_waits_for_one_and_then_answers()
    {
        var words = catalog.App.Services.GetRequiredKeyedService<NpgsqlDataSource>(SearchApi.SearchDataSource);
        var cap = catalog.App.Services.GetRequiredService<CatalogSettings>().SearchConnections;
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < cap; i++)
        {
            held.Add(await words.OpenConnectionAsync());
        }
        using (var brief = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await FluentActions.Awaiting(() => words.OpenConnectionAsync(brief.Token).AsTask())
                .Should().ThrowAsync<OperationCanceledException>("every search connection is taken");
        }

        var search = SearchAsync("q=hades");
        await held[0].DisposeAsync();
        (await search).Items.Select(i => i.Title).Should().StartWith("Hades");
        foreach (var connection in held.Skip(1))
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Each_facet_counts_the_results_of_every_filter_but_its_own()
    {
        var result = await SearchAsync("platform=steam&genre=RPG");

        result.Items.Select(i => i.Title).Should().BeEquivalentTo("Elden Ring", "Elden Ring Nightreign");
        result.Facets.Platform.Should().Equal(new FacetValue("Steam", 2), new FacetValue("GOG", 1), new FacetValue("Xbox", 1));
        result.Facets.Genre.Should().Equal(new FacetValue("Action", 3), new FacetValue("Indie", 2),
            new FacetValue("RPG", 2), new FacetValue("Adventure", 1));
        result.Facets.Region.Should().Equal(new FacetValue("GLOBAL", 2));
        result.Facets.PriceBand.Should().Equal(new FacetValue("20-40", 2));
        result.Facets.InStock.Should().Equal(new FacetValue("true", 2));
    }

    [Fact]
    public async Task Filters_on_price_and_stock_narrow_the_results()
    {
        var priced = await SearchAsync("minPrice=10&maxPrice=30");
        var soldOut = await SearchAsync("inStock=false");

        priced.Items.Select(i => i.Title).Should().BeEquivalentTo("Elden Ring Nightreign", "Ring of Elden Tales", "Eldem Ring", "Hades", "The Witcher 3: Wild Hunt");
        priced.Items.Should().AllSatisfy(i => i.Currency.Should().Be("EUR"));
        soldOut.Items.Select(i => i.Title).Should().Equal("Doom Eternal");
        soldOut.Facets.InStock.Should().Equal(new FacetValue("true", 7), new FacetValue("false", 1));
    }

    [Fact]
    public async Task A_game_on_two_platforms_is_one_result_from_its_cheapest_variant_and_counts_once()
    {
        var all = await SearchAsync("q=elden%20ring&pageSize=100");
        var onXbox = await SearchAsync("q=elden%20ring&platform=xbox");
        var browsing = await SearchAsync("pageSize=100");

        var game = all.Items.Should().ContainSingle(i => i.Title == "Elden Ring").Which;
        (game.Platform, game.Price, game.Variants).Should().Be(("Steam", 33.94m, 2));
        game.Platforms.Should().Equal("Steam", "Xbox");
        var xbox = onXbox.Items.Should().ContainSingle().Which;
        (xbox.Platform, xbox.Region, xbox.Price, xbox.Variants).Should().Be(("Xbox", "EU", 56.32m, 1));
        browsing.Total.Should().Be(8, "nine products are eight games");
        browsing.Items.Select(i => i.Title).Should().OnlyHaveUniqueItems();
        browsing.Facets.Region.Should().Equal(new FacetValue("GLOBAL", 8), new FacetValue("EU", 1));
    }

    [Fact]
    public async Task Sorted_pages_are_stable_and_add_up_to_the_whole_list()
    {
        var whole = await SearchAsync("sort=price_asc&pageSize=100");
        var pages = new List<SearchItem>();
        for (var page = 1; page <= 4; page++)
        {
            pages.AddRange((await SearchAsync($"sort=price_asc&pageSize=3&page={page}")).Items);
        }

        whole.Items.Select(i => i.Price).Should().Equal(5.96m, 11.56m, 11.56m, 11.56m, 22.75m, 22.75m, 33.94m, null);
        pages.Select(i => i.Slug).Should().Equal(whole.Items.Select(i => i.Slug));
        (await SearchAsync("sort=price_desc")).Items[0].Price.Should().Be(33.94m, "a game sorts by the price it is sold from");
        (await SearchAsync("sort=newest")).Items[0].Title.Should().Be("Elden Ring Nightreign");
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("minPrice=-1", "minPrice")]
    [InlineData("minPrice=30&maxPrice=10", "maxPrice")]
    [InlineData("sort=cheapest", "sort")]
    [InlineData("page=500&pageSize=100", "page")]
    public async Task Bad_parameters_get_a_validation_problem(string query, string field)
    {
        var response = await _client.GetAsync("/kernel/catalog/search?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain($"\"{field}\"");
    }

    [Fact]
    public async Task Unreadable_or_overlong_parameters_get_a_problem()
    {
        var tooLong = await _client.GetAsync("/kernel/catalog/search?q=" + new string('a', 201));
        var notANumber = await _client.GetAsync("/kernel/catalog/search?page=abc");

        foreach (var response in new[] { tooLong, notANumber })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    [Fact]
    public async Task Suggestions_are_distinct_titles_prefixes_first()
    {
        var titles = await _client.GetFromJsonAsync<List<string>>("/kernel/catalog/suggest?q=eld");
        var tooShort = await _client.GetFromJsonAsync<List<string>>("/kernel/catalog/suggest?q=e");

        titles.Should().Equal("Eldem Ring", "Elden Ring", "Elden Ring Nightreign", "Ring of Elden Tales");
        tooShort.Should().BeEmpty();
    }
}
