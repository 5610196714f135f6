using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Dapper;
using GamesDrop.Contracts.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Products;

/// <summary>A product page: what the buyer gets, what it costs, and every supplier offer behind it.</summary>
public static partial class ProductsApi
{
    public static RouteGroupBuilder MapProducts(this RouteGroupBuilder routes)
    {
        routes.MapGet("/products/{slug}", GetAsync).WithTags("Products");
        routes.MapPost("/products/lookup", LookupAsync).WithTags("Products");
        return routes;
    }

    // The BFF re-prices a cart on every read: one query for all its lines. Unknown slugs are simply not in the answer.
    private static async Task<Ok<ProductLookupResult>> LookupAsync(ProductLookup body, StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        var slugs = body.Slugs.Where(s => Slug().IsMatch(s)).Distinct().ToArray();
        if (slugs.Length == 0)
        {
            return TypedResults.Ok(new ProductLookupResult(store.Currency, []));
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(ProductsSql.BySlugs, new { Slugs = slugs }, cancellationToken: ct));
        return TypedResults.Ok(new ProductLookupResult(store.Currency, [.. rows.Select(r => r.ToItem(store.Currency))]));
    }

    private static async Task<Results<Ok<ProductDetail>, NotFound>> GetAsync(
        string slug, StoreSettings store, CatalogSettings catalog, TimeProvider clock, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!Slug().IsMatch(slug))
        {
            return TypedResults.NotFound();
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var delivery = catalog.DeliveryTime;
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(ProductsSql.BySlug, new
        {
            Slug = slug, FeePercent = store.PaymentFee.Percent, FeeFixed = store.PaymentFee.Fixed,
            DeliveryDays = delivery.Days, DeliveryLines = delivery.Lines, DeliveryMinLines = delivery.MinLines,
        }, cancellationToken: ct));
        var product = await results.ReadSingleOrDefaultAsync<ProductRow>();
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var staleBefore = clock.GetUtcNow().UtcDateTime - catalog.StaleAfter;
        var offers = (await results.ReadAsync<OfferRow>()).Select(o => o.ToOffer(store.Currency, staleBefore)).ToList();
        var variants = (await results.ReadAsync<VariantRow>()).Select(v => v.ToVariant(store.Currency)).ToList();
        var history = PriceHistory.Over90Days((await results.ReadAsync<PricePoint>()).ToList(), clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(product.ToDetail(store.Currency, offers, variants, history));
    }

    [GeneratedRegex("^[a-z0-9-]{1,200}$")]
    private static partial Regex Slug();

    // Properties, not a positional record: Dapper matches constructors by field type, and text[] reads as Array.
    private sealed class ProductRow
    {
        public required string Slug { get; init; }
        public required string Title { get; init; }
        public required string Platform { get; init; }
        public required string Region { get; init; }
        public required string Edition { get; init; }
        public required string[] Genres { get; init; }
        public DateOnly? ReleaseDate { get; init; }
        public required string Description { get; init; }
        public required string ActivationNotes { get; init; }
        public string? ImageUrl { get; init; }
        public decimal? Price { get; init; }
        public bool InStock { get; init; }
        public int StockTotal { get; init; }
        public DateTime? PriceUpdatedAt { get; init; }

        public ProductDetail ToDetail(
            string currency, IReadOnlyList<ProductOffer> offers, IReadOnlyList<ProductVariant> variants, PriceHistory history) => new(
            Slug, Title, Platform, Region, Edition, Genres, ReleaseDate, Description, ActivationNotes, ImageUrl,
            Price, currency, InStock, StockTotal, PriceUpdatedAt, ActivationRegions.Where(Region), offers, variants, history);
    }

    private sealed class SummaryRow
    {
        public required string Slug { get; init; }
        public required string Title { get; init; }
        public required string Platform { get; init; }
        public required string Region { get; init; }
        public required string Edition { get; init; }
        public string? ImageUrl { get; init; }
        public decimal? Price { get; init; }
        public bool InStock { get; init; }
        public DateOnly? ReleaseDate { get; init; }

        public ProductSummary ToItem(string currency) => new(Slug, Title, Platform, Region, Edition, ImageUrl, Price, currency, InStock, ReleaseDate);
    }

    private sealed record VariantRow(string Slug, string Platform, string Region, string Edition, decimal? Price, bool InStock, int Stock)
    {
        public ProductVariant ToVariant(string currency) =>
            new(Slug, Platform, Region, Edition, Price, currency, InStock, Stock, ActivationRegions.Where(Region));
    }

    private sealed record OfferRow(
        string Supplier, string SupplierName, string Sku, decimal SupplierPrice, string SupplierCurrency, decimal? Price, decimal? AllInPrice,
        int Stock, bool Available, bool SupplierEnabled, bool SupplierReachable, bool Best, DateTime SyncedAt, DateTime? SupplierUpdatedAt,
        double? SecondsToKey)
    {
        public ProductOffer ToOffer(string currency, DateTime staleBefore) => new(
            Supplier, SupplierName, Sku, SupplierPrice, SupplierCurrency, Price, AllInPrice, currency, Stock, Availability, Best,
            SyncedAt, SupplierUpdatedAt, SyncedAt < staleBefore, SecondsToKey);

        private string Availability =>
            !SupplierEnabled ? OfferAvailability.SupplierDisabled
            : !SupplierReachable ? OfferAvailability.SupplierUnavailable
            : !Available ? OfferAvailability.Unavailable
            : Stock == 0 ? OfferAvailability.OutOfStock
            : Price is null ? OfferAvailability.NoExchangeRate
            : OfferAvailability.Available;
    }
}

public sealed record ProductLookup([Required, MaxLength(50)] string[] Slugs);

/// <summary>A variant of the game a product page shows: its own page, price and stock, and where its keys activate.</summary>
/// <param name="ActivatesIn">In the buyer's words: "every country", "Europe", "the United States".</param>
public sealed record ProductVariant(
    string Slug, string Platform, string Region, string Edition, decimal? Price, string Currency, bool InStock, int Stock, string ActivatesIn);

/// <summary>Why an offer can or cannot be sold right now.</summary>
public static class OfferAvailability
{
    public const string Available = "available";
    public const string OutOfStock = "out_of_stock";
    public const string Unavailable = "unavailable";
    /// <summary>The supplier's circuit is open: temporarily, the offer is kept.</summary>
    public const string SupplierUnavailable = "supplier_unavailable";
    public const string SupplierDisabled = "supplier_disabled";
    public const string NoExchangeRate = "no_exchange_rate";
}

/// <param name="Price">The store price: best offer plus margin and payment fee; null while nothing can be sold.</param>
public sealed record ProductDetail(
    string Slug, string Title, string Platform, string Region, string Edition, IReadOnlyList<string> Genres, DateOnly? ReleaseDate,
    string Description, string ActivationNotes, string? ImageUrl, decimal? Price, string Currency, bool InStock, int StockTotal,
    DateTime? PriceUpdatedAt, string ActivatesIn, IReadOnlyList<ProductOffer> Offers, IReadOnlyList<ProductVariant> Variants,
    PriceHistory PriceHistory);

/// <param name="Price">The supplier's price converted to the store currency (null without an exchange rate).</param>
/// <param name="AllInPrice">What checkout charges for the product while this offer sells it, payment fee included; null while it cannot sell.</param>
/// <param name="SyncedAt">When the kernel last confirmed the offer: its last change, or its supplier's last full sync.</param>
/// <param name="Stale">Not confirmed within Catalog:StaleAfter.</param>
/// <param name="SecondsToKey">The supplier's usual time from payment to key (Catalog:DeliveryTime); null while too few deliveries tell.</param>
public sealed record ProductOffer(
    string Supplier, string SupplierName, string Sku, decimal SupplierPrice, string SupplierCurrency, decimal? Price, decimal? AllInPrice,
    string Currency, int Stock, string Availability, bool Best, DateTime SyncedAt, DateTime? SupplierUpdatedAt, bool Stale,
    double? SecondsToKey);
