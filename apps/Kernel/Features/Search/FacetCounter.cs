using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// The platform, region, price band and stock facets of a search, counted from its matches (<c>SearchSql.Matches</c>):
/// each counts, per value, the distinct games among the matches that pass every filter but the facet's own, a band
/// only for a priced match. Counted here, PostgreSQL no longer passes over the matches once per facet hashing every
/// pair of value and game as rows. Every facet is shown in one order: by count, then by its characters (ordinal),
/// whether counted here, by SQL (genres) or read from the settled counts.
/// </summary>
internal static class FacetCounter
{
    // A facet's bit in the filters a match passes, and in catalog_browse_facets.rolled_up (GROUPING's order).
    public const int PlatformBit = 16, RegionBit = 8, GenreBit = 4, PriceBandBit = 2, InStockBit = 1;
    private const int AllBits = PlatformBit | RegionBit | GenreBit | PriceBandBit | InStockBit;

    /// <summary>The matches, a row's values at one index of every array.</summary>
    public sealed record Matches(long[] Games, string?[] Platforms, string?[] Regions, string?[] Bands, bool[] InStock, int[] Passes);

    /// <summary>The facets of <paramref name="matches"/> (null: none), with the genres SQL counted.</summary>
    public static SearchFacets Count(Matches? matches, IReadOnlyList<FacetValue> genres)
    {
        if (matches is null)
        {
            return new SearchFacets([], [], ByCount(genres), [], []);
        }
        var stock = matches.InStock.Select(inStock => inStock ? "true" : "false").ToArray();
        return new SearchFacets(
            ByCount(Count(matches, matches.Platforms, PlatformBit)), ByCount(Count(matches, matches.Regions, RegionBit)), ByCount(genres),
            [.. Count(matches, matches.Bands, PriceBandBit).OrderBy(v => Array.IndexOf(SearchSql.BandLabels, v.Value))],
            [.. Count(matches, stock, InStockBit).OrderByDescending(v => v.Value, StringComparer.Ordinal)]);
    }

    /// <summary>Settled counts, in the order counted ones are shown.</summary>
    public static SearchFacets Ordered(SearchFacets settled) => settled with
    {
        Platform = ByCount(settled.Platform), Region = ByCount(settled.Region), Genre = ByCount(settled.Genre),
    };

    private static List<FacetValue> ByCount(IEnumerable<FacetValue> values) =>
        [.. values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];

    // The distinct games per value of the matches that pass every filter but this facet's. Neighbouring matches often
    // share a value (platforms, regions and bands are few): the last value's set is then reused without a lookup.
    private static List<FacetValue> Count(Matches matches, string?[] values, int bit)
    {
        var others = AllBits & ~bit;
        var games = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        string? last = null;
        HashSet<long>? set = null;
        for (var i = 0; i < matches.Games.Length; i++)
        {
            if ((matches.Passes[i] & others) != others || values[i] is not { } value)
            {
                continue;
            }
            if (!string.Equals(value, last, StringComparison.Ordinal))
            {
                if (!games.TryGetValue(value, out set))
                {
                    games[value] = set = [];
                }
                last = value;
            }
            set!.Add(matches.Games[i]);
        }
        return [.. games.Select(g => new FacetValue(g.Key, g.Value.Count))];
    }
}
