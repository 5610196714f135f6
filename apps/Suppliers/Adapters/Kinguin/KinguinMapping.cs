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
        SupplierUpdatedAt: product.UpdatedAt);
}
