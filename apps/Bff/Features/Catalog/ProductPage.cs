using GamesDrop.Bff.Clients;

namespace GamesDrop.Bff.Features.Catalog;

/// <summary>A product as the storefront shows it: the store price, and each offer with its source and freshness.</summary>
public sealed record ProductPage(
    string Slug, string Title, string Platform, string Region, string Edition, IReadOnlyList<string> Genres, DateOnly? ReleaseDate,
    string Description, string ActivationNotes, string? ImageUrl, decimal? Price, string Currency, bool InStock,
    string ActivatesIn, IReadOnlyList<ProductPageOffer> Offers, IReadOnlyList<KernelProductVariant> Variants,
    KernelPriceHistory PriceHistory)
{
    public static ProductPage From(KernelProduct p) => new(
        p.Slug, p.Title, p.Platform, p.Region, p.Edition, p.Genres, p.ReleaseDate, p.Description, p.ActivationNotes, p.ImageUrl,
        p.Price, p.Currency, p.InStock, p.ActivatesIn,
        [.. p.Offers.Select(o => new ProductPageOffer(
            o.SupplierName, o.Price, o.AllInPrice, o.Currency, o.Stock, o.Availability, o.Best, o.SyncedAt, o.Stale, o.SecondsToKey))],
        p.Variants, p.PriceHistory);
}

/// <param name="Supplier">Where the key comes from.</param>
/// <param name="Price">The supplier's price in the store currency.</param>
/// <param name="AllInPrice">What checkout charges while this offer sells the product, payment fee included; null while it cannot sell.</param>
/// <param name="Availability">available, out_of_stock, unavailable, supplier_unavailable (temporarily), supplier_disabled or no_exchange_rate.</param>
/// <param name="SecondsToKey">The usual time from payment to key measured over recent orders; null while too few tell.</param>
public sealed record ProductPageOffer(
    string Supplier, decimal? Price, decimal? AllInPrice, string Currency, int Stock, string Availability, bool Best, DateTimeOffset SyncedAt,
    bool Stale, double? SecondsToKey);

