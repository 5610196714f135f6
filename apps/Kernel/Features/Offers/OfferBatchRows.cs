using System.Text.Json;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Kernel.Features.Offers;

/// <summary>
/// A batch as the parallel arrays <see cref="OffersSql.UpsertBatch"/> unnests: the supplier's fields as sent,
/// and the product each offer matches, worked out here by <see cref="ListingMatcher"/>.
/// </summary>
internal sealed record OfferBatchRows(
    string Supplier, long? SyncRunId, decimal FeePercent, decimal FeeFixed,
    string[] Skus, string[] Titles, string[] Platforms, string[] Regions, string[] Editions,
    string[] MatchKeys, string[] Slugs, string[] ProductTitles, string[] ProductPlatforms, string[] ProductRegions, string[] ProductEditions,
    string[] Genres, DateOnly?[] ReleaseDates, string[] Descriptions, string[] ActivationNotes, string?[] ImageUrls,
    decimal[] Prices, string[] Currencies, int[] Stocks, bool[] Availables, DateTime?[] SupplierUpdatedAts, string[] ExcludedCountries)
{
    /// <param name="matches">What <see cref="ListingMatcher.Match"/> made of each offer, in the same order.</param>
    public static OfferBatchRows From(
        string supplier, long? syncRunId, IReadOnlyList<SupplierOffer> offers, IReadOnlyList<MatchedListing> matches, PaymentFeeSettings fee) =>
        new(
            supplier, syncRunId, fee.Percent, fee.Fixed,
            Skus: [.. offers.Select(o => o.Sku)],
            Titles: [.. offers.Select(o => o.Title)],
            Platforms: [.. offers.Select(o => o.Platform)],
            Regions: [.. offers.Select(o => o.Region)],
            Editions: [.. offers.Select(o => o.Edition ?? "")],
            MatchKeys: [.. matches.Select(m => m.MatchKey)],
            Slugs: [.. matches.Select(m => m.Slug)],
            ProductTitles: [.. matches.Select(m => m.Title)],
            ProductPlatforms: [.. matches.Select(m => m.Platform)],
            ProductRegions: [.. matches.Select(m => m.Region)],
            ProductEditions: [.. matches.Select(m => m.Edition)],
            // Ragged per-row lists travel as JSON text; the SQL unpacks them.
            Genres: [.. offers.Select(o => JsonSerializer.Serialize(o.Genres ?? []))],
            ReleaseDates: [.. offers.Select(o => o.ReleaseDate)],
            Descriptions: [.. offers.Select(o => o.Description ?? "")],
            ActivationNotes: [.. offers.Select(o => o.ActivationNotes ?? "")],
            ImageUrls: [.. offers.Select(o => o.ImageUrl)],
            Prices: [.. offers.Select(o => o.Price)],
            Currencies: [.. offers.Select(o => o.Currency)],
            Stocks: [.. offers.Select(o => o.Stock)],
            Availables: [.. offers.Select(o => o.Available)],
            SupplierUpdatedAts: [.. offers.Select(o => o.SupplierUpdatedAt?.UtcDateTime)],
            ExcludedCountries: [.. offers.Select(o => JsonSerializer.Serialize(o.ExcludedCountries ?? []))]);
}

/// <summary>An offer the batch created or changed, as <see cref="OffersSql.UpsertBatch"/> returns it.</summary>
internal sealed record WrittenOffer(long ProductId, string Sku, decimal Price, string Currency, int Stock, bool Available, bool Created, bool SaleChanged);
