namespace GamesDrop.Bff.Clients;

// The kernel's catalog answers as it sends them; search results pass through to the storefront unchanged.

public sealed record KernelSearchResult(IReadOnlyList<KernelSearchItem> Items, long Total, KernelFacets Facets, string? Suggestion);

public sealed record KernelSearchItem(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl,
    decimal? Price, string Currency, bool InStock, DateOnly? ReleaseDate);

public sealed record KernelProductLookup(string Currency, IReadOnlyList<KernelSearchItem> Items);

public sealed record KernelFacets(
    IReadOnlyList<KernelFacetValue> Platform, IReadOnlyList<KernelFacetValue> Region, IReadOnlyList<KernelFacetValue> Genre,
    IReadOnlyList<KernelFacetValue> PriceBand, IReadOnlyList<KernelFacetValue> InStock);

public sealed record KernelFacetValue(string Value, int Count);

public sealed record KernelProduct(
    string Slug, string Title, string Platform, string Region, string Edition, IReadOnlyList<string> Genres, DateOnly? ReleaseDate,
    string Description, string ActivationNotes, string? ImageUrl, decimal? Price, string Currency, bool InStock, int StockTotal,
    IReadOnlyList<KernelProductOffer> Offers);

public sealed record KernelProductOffer(
    string Supplier, string SupplierName, string Sku, decimal? Price, string Currency, int Stock, string Availability, bool Best,
    DateTimeOffset SyncedAt, DateTimeOffset? SupplierUpdatedAt, bool Stale);
