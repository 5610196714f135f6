using System.Text.Json.Serialization;
using GamesDrop.Sandbox.Catalog;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Kinguin's product object, v1 and v2 alike: the v1 image fields and the newer <c>images</c> both.</summary>
internal sealed record KinguinProduct(
    int KinguinId,
    string ProductId,
    string Name,
    string OriginalName,
    string Description,
    string CoverImage,
    string CoverImageOriginal,
    KinguinImages Images,
    KinguinScreenshot[] Screenshots,
    string[] Developers,
    string[] Publishers,
    string[] Genres,
    string Platform,
    DateOnly ReleaseDate,
    int Qty,
    int TextQty,
    decimal Price,
    string[] CheapestOfferId,
    bool IsPreorder,
    int MetacriticScore,
    string RegionalLimitations,
    int RegionId,
    string[] CountryLimitation,
    string ActivationDetails,
    string[] Languages,
    string[] Tags,
    KinguinOfferView[] Offers,
    int OffersCount,
    int TotalQty,
    string[] MerchantName,
    DateTimeOffset UpdatedAt)
{
    private static readonly string[] OfferedLanguages = ["English", "German", "French", "Spanish", "Italian", "Polish"];

    /// <summary>Kinguin's naming: "Iron Legion II Deluxe Edition EU Steam CD Key"; region free keys name no region.</summary>
    public static string NameOf(Game game) =>
        game.Region.IsGlobal
            ? $"{game.FullTitle} {game.Platform.KinguinKey}"
            : $"{game.FullTitle} {game.Region.Code} {game.Platform.KinguinKey}";

    public static KinguinProduct From(Game game, KinguinState state, string baseUrl)
    {
        var name = NameOf(game);
        var cover = new KinguinImage(CatalogImages.Url(baseUrl, game, 600, 800), CatalogImages.Url(baseUrl, game, 150, 200));
        var shots = Enumerable.Range(1, 3)
            .Select(n => new KinguinImage(CatalogImages.Url(baseUrl, game, 1280, 720, n), CatalogImages.Url(baseUrl, game, 320, 180, n)))
            .ToArray();
        var cheapest = state.Cheapest;
        return new KinguinProduct(game.Kinguin!.KinguinId, game.Kinguin.ProductId, name, game.FullTitle,
            GameTexts.Description(game), cover.Thumbnail, cover.Url, new KinguinImages(cover, shots),
            [.. shots.Select(s => new KinguinScreenshot(s.Thumbnail, s.Url))],
            [game.Developer], [game.Publisher], game.Genres, game.Platform.KinguinName, game.ReleaseDate,
            state.Qty, state.TextQty, state.Price, [.. cheapest.Select(o => o.OfferId)], game.IsPreorder, game.MetacriticScore,
            game.Region.KinguinName, game.Region.KinguinRegionId, game.Region.ExcludedCountries,
            GameTexts.ActivationDetails(game), OfferedLanguages[..(1 + game.Id % OfferedLanguages.Length)], ["base"],
            [.. state.Offers.Select(o => KinguinOfferView.From(o, name, game))], state.Offers.Length, state.TotalQty,
            [.. cheapest.Select(o => o.MerchantName).Distinct()], state.UpdatedAt);
    }
}

internal sealed record KinguinImages(KinguinImage Cover, KinguinImage[] Screenshots);

internal sealed record KinguinImage(string Url, string Thumbnail);

/// <summary>The v1 screenshot shape, snake case as Kinguin sends it.</summary>
internal sealed record KinguinScreenshot(string Url, [property: JsonPropertyName("url_original")] string UrlOriginal);

internal sealed record KinguinOfferView(
    string Name,
    string OfferId,
    decimal Price,
    int Qty,
    int AvailableQty,
    int TextQty,
    string MerchantName,
    bool IsPreorder,
    DateOnly ReleaseDate,
    KinguinWholesale Wholesale)
{
    private static readonly KinguinWholesale NoWholesale = new(false, []);

    public static KinguinOfferView From(KinguinOffer offer, string name, Game game) =>
        new(name, offer.OfferId, offer.Price, offer.Qty, offer.Qty, offer.TextQty, offer.MerchantName,
            game.IsPreorder, game.ReleaseDate, NoWholesale);
}

internal sealed record KinguinWholesale(bool Enabled, KinguinWholesaleTier[] Tiers);

internal sealed record KinguinWholesaleTier(int Level, decimal Discount, decimal Price);
