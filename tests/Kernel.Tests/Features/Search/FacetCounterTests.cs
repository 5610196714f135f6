using GamesDrop.Contracts.Catalog;
using static GamesDrop.Kernel.Features.Search.FacetCounter;

namespace GamesDrop.Kernel.Tests.Features.Search;

/// <summary>Facets counted from a search's matches: distinct games per value, over the matches every other filter passes.</summary>
public sealed class FacetCounterTests
{
    private const int All = PlatformBit | RegionBit | GenreBit | PriceBandBit | InStockBit;

    [Fact]
    public void Each_facet_counts_distinct_games_of_the_matches_that_pass_every_filter_but_its_own()
    {
        // Game 1 on Steam twice (two regions) and on Xbox; game 2 on Steam, failing the region filter; game 3 on GOG,
        // failing the platform filter only; game 4 failing two filters, counted nowhere.
        var facets = Count(new Matches(
            [1, 1, 1, 2, 3, 4],
            ["Steam", "Steam", "Xbox", "Steam", "GOG", "Steam"],
            ["GLOBAL", "EU", "GLOBAL", "US", "GLOBAL", "GLOBAL"],
            ["10-20", "10-20", "20-40", null, "0-10", "70+"],
            [true, false, true, true, true, false],
            [All, All, All, All & ~RegionBit, All & ~PlatformBit, All & ~PlatformBit & ~InStockBit]), [new("RPG", 1)]);

        facets.Platform.Should().Equal(new FacetValue("GOG", 1), new FacetValue("Steam", 1), new FacetValue("Xbox", 1));
        facets.Region.Should().Equal(new FacetValue("EU", 1), new FacetValue("GLOBAL", 1), new FacetValue("US", 1));
        facets.PriceBand.Should().Equal(new FacetValue("10-20", 1), new FacetValue("20-40", 1));
        facets.InStock.Should().Equal(new FacetValue("true", 1), new FacetValue("false", 1));
        facets.Genre.Should().Equal(new FacetValue("RPG", 1));
    }

    [Fact]
    public void Values_sort_by_count_then_by_their_characters_wherever_they_were_counted()
    {
        var games = Enumerable.Range(0, 40).Select(i => (long)i).ToArray();
        string?[] Every(string value) => [.. games.Select(_ => value)];
        FacetValue[] genres = [new("b", 2), new("a", 2), new("c", 5)];

        var facets = Count(new Matches(games, [.. games.Select(g => g % 3 == 0 ? "b" : g % 3 == 1 ? "B" : "a")], Every("GLOBAL"), Every("70+"),
            [.. games.Select(_ => true)], [.. games.Select(_ => All)]), genres);
        var settled = Ordered(new SearchFacets([new("a", 1), new("B", 1)], [], genres, [], []));

        facets.Platform.Should().Equal(new FacetValue("b", 14), new FacetValue("B", 13), new FacetValue("a", 13));
        facets.Genre.Select(g => g.Value).Should().Equal("c", "a", "b");
        settled.Platform.Select(p => p.Value).Should().Equal("B", "a");
        settled.Genre.Should().Equal(facets.Genre);
    }

    [Fact]
    public void No_matches_count_nothing_but_the_genres_given()
    {
        Count(null, []).Should().BeEquivalentTo(new SearchFacets([], [], [], [], []));
    }
}
