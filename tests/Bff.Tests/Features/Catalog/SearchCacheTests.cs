using GamesDrop.Bff.Features.Catalog;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Tests.Features.Catalog;

public sealed class SearchCacheTests
{
    private static SearchParameters Search(string? q = null, string? genre = null, string? sort = null, int? page = null) =>
        new(q, null, null, genre, null, null, null, sort, page, null);

    [Fact]
    public void Queries_that_search_the_same_share_a_key_and_filters_keep_their_case()
    {
        SearchCache.SearchKey(Search("Elden Ring", sort: "price_asc")).Should().Be(SearchCache.SearchKey(Search("elden ring", sort: "price_asc")));
        SearchCache.SearchKey(Search(genre: "RPG")).Should().NotBe(SearchCache.SearchKey(Search(genre: "rpg")), "genres match exactly");
        SearchCache.SearchKey(Search("elden", page: 2)).Should().NotBe(SearchCache.SearchKey(Search("elden")));
    }

    [Fact]
    public async Task Shoppers_asking_the_same_while_it_loads_share_one_call_and_a_failure_is_not_kept()
    {
        using var cache = new SearchCache(new CatalogOptions());
        var calls = 0;
        var answer = new TaskCompletionSource<string>();
        Task<string> Load() { calls++; return answer.Task; }

        var first = cache.GetOrAddAsync("k", Load);
        var second = cache.GetOrAddAsync("k", Load);
        answer.SetResult("found");

        (await first).Should().Be("found");
        (await second).Should().Be("found");
        calls.Should().Be(1);

        var failing = cache.GetOrAddAsync<string>("broken", () => Task.FromException<string>(new HttpRequestException()));
        await failing.Invoking(t => t).Should().ThrowAsync<HttpRequestException>();
        (await cache.GetOrAddAsync("broken", () => Task.FromResult("recovered"))).Should().Be("recovered");
    }
}
