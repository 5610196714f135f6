namespace GamesDrop.Contracts.Catalog;

/// <summary>A page of results; <c>Suggestion</c> is the title searched instead when the query itself found nothing.</summary>
public sealed record SearchResult(IReadOnlyList<SearchItem> Items, long Total, SearchFacets Facets, string? Suggestion);

/// <summary>
/// One game (every variant sharing its title) as a result card: the variant to open first (in stock, then the
/// cheapest), the lowest price among the variants that match, and the platforms they are on.
/// </summary>
public sealed record SearchItem(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl,
    decimal? Price, string Currency, bool InStock, DateOnly? ReleaseDate, IReadOnlyList<string> Platforms, int Variants);

/// <summary>Each facet counts the results of every filter but its own.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Platform, IReadOnlyList<FacetValue> Region, IReadOnlyList<FacetValue> Genre,
    IReadOnlyList<FacetValue> PriceBand, IReadOnlyList<FacetValue> InStock);

public sealed record FacetValue(string Value, int Count);

/// <param name="Deals">In stock below its usual price (the median over 90 days), the largest saving first.</param>
/// <param name="BackInStock">Could not be bought, and can again since the last 14 days.</param>
public sealed record HomeRows(
    IReadOnlyList<SearchItem> Deals, IReadOnlyList<SearchItem> NewReleases, IReadOnlyList<SearchItem> Bestsellers, IReadOnlyList<SearchItem> BackInStock);
