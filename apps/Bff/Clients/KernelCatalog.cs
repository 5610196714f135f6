namespace GamesDrop.Bff.Clients;

// The kernel's catalog answers as it sends them; search results pass through to the storefront unchanged.

public sealed record KernelSearchResult(IReadOnlyList<KernelSearchItem> Items, long Total, KernelFacets Facets, string? Suggestion);

/// <summary>One game: the variant to open first, the lowest price of the matching variants, and their platforms.</summary>
public sealed record KernelSearchItem(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl,
    decimal? Price, string Currency, bool InStock, DateOnly? ReleaseDate, IReadOnlyList<string> Platforms, int Variants);

/// <summary>The home page's rows of games, as the kernel ranks them; passed through to the storefront unchanged.</summary>
public sealed record KernelHomeRows(
    IReadOnlyList<KernelSearchItem> Deals, IReadOnlyList<KernelSearchItem> NewReleases, IReadOnlyList<KernelSearchItem> Bestsellers,
    IReadOnlyList<KernelSearchItem> BackInStock);

public sealed record KernelProductSummary(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl,
    decimal? Price, string Currency, bool InStock, DateOnly? ReleaseDate);

public sealed record KernelProductLookup(string Currency, IReadOnlyList<KernelProductSummary> Items);

public sealed record KernelFacets(
    IReadOnlyList<KernelFacetValue> Platform, IReadOnlyList<KernelFacetValue> Region, IReadOnlyList<KernelFacetValue> Genre,
    IReadOnlyList<KernelFacetValue> PriceBand, IReadOnlyList<KernelFacetValue> InStock);

public sealed record KernelFacetValue(string Value, int Count);

public sealed record KernelProduct(
    string Slug, string Title, string Platform, string Region, string Edition, IReadOnlyList<string> Genres, DateOnly? ReleaseDate,
    string Description, string ActivationNotes, string? ImageUrl, decimal? Price, string Currency, bool InStock, int StockTotal,
    string ActivatesIn, IReadOnlyList<KernelProductOffer> Offers, IReadOnlyList<KernelProductVariant> Variants,
    KernelPriceHistory PriceHistory);

/// <summary>The store prices of the last 90 days and the lowest of them; passed through to the storefront unchanged.</summary>
public sealed record KernelPriceHistory(IReadOnlyList<KernelPricePoint> Points, decimal? Lowest, DateTimeOffset Since);

/// <param name="Price">The store price from <c>At</c> on; null while the product could not be bought.</param>
public sealed record KernelPricePoint(DateTimeOffset At, decimal? Price);

/// <summary>A variant of the product's game, with its own page; passed through to the storefront unchanged.</summary>
/// <param name="ActivatesIn">Where its keys activate, in words: "every country", "Europe".</param>
public sealed record KernelProductVariant(
    string Slug, string Platform, string Region, string Edition, decimal? Price, string Currency, bool InStock, int Stock, string ActivatesIn);

public sealed record KernelProductOffer(
    string Supplier, string SupplierName, string Sku, decimal? Price, decimal? AllInPrice, string Currency, int Stock, string Availability,
    bool Best, DateTimeOffset SyncedAt, DateTimeOffset? SupplierUpdatedAt, bool Stale, double? SecondsToKey);
