namespace GamesDrop.Contracts.Catalog;

/// <summary>
/// One supplier listing as the suppliers app hands it to the kernel: the supplier's own SKU, the facts that
/// match it to a product, and its price in the supplier's currency. <paramref name="ExcludedCountries"/>: ISO 3166 codes
/// where the supplier says its keys do not work (Kinguin's countryLimitation); none when the supplier names none.
/// </summary>
public sealed record SupplierOffer(
    string Sku,
    string Title,
    string Platform,
    string Region,
    string Edition,
    IReadOnlyList<string> Genres,
    DateOnly? ReleaseDate,
    string Description,
    string ActivationNotes,
    string? ImageUrl,
    decimal Price,
    string Currency,
    int Stock,
    bool Available,
    DateTimeOffset? SupplierUpdatedAt,
    IReadOnlyList<string>? ExcludedCountries = null);
