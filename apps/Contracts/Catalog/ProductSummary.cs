namespace GamesDrop.Contracts.Catalog;

/// <summary>One product (a variant of a game) as a cart line shows it.</summary>
public sealed record ProductSummary(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl,
    decimal? Price, string Currency, bool InStock, DateOnly? ReleaseDate);

/// <summary>The products found and the store currency their prices are in.</summary>
public sealed record ProductLookupResult(string Currency, IReadOnlyList<ProductSummary> Items);
