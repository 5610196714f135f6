using System.Globalization;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Suppliers.Adapters.Kinguin;

internal static class KinguinMapping
{
    public static SupplierOffer ToOffer(KinguinProduct product) => new(
        Sku: product.ProductId,
        Title: product.Name,
        Platform: product.Platform ?? "Unknown",
        Region: product.RegionalLimitations ?? "REGION FREE",
        Edition: EditionParser.From(product.Name),
        Genres: product.Genres ?? [],
        ReleaseDate: DateOnly.TryParse(product.ReleaseDate, CultureInfo.InvariantCulture, out var released) ? released : null,
        Description: product.Description ?? "",
        ActivationNotes: product.ActivationDetails ?? "",
        ImageUrl: product.Images?.Cover?.Url,
        Price: product.Price,
        Currency: "EUR",
        Stock: Math.Max(0, product.Qty),
        Available: product.Qty > 0,
        SupplierUpdatedAt: product.UpdatedAt,
        ExcludedCountries: Countries(product.CountryLimitation));

    /// <summary>
    /// countryLimitation lists the countries where the key does not work. Codes are upper-cased and anything that is not a
    /// two-letter code is dropped: a garbled entry must not cost the whole listing, and it cannot name a buyer's country.
    /// </summary>
    private static string[] Countries(IReadOnlyList<string?>? codes) =>
        [.. (codes ?? []).Select(c => c?.Trim().ToUpperInvariant()).OfType<string>().Where(ActivationRegions.IsCountry).Distinct().Order(StringComparer.Ordinal)];
}
