using GamesDrop.Sandbox.Catalog;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>
/// One row of <c>/price-list</c>. The name carries title, edition, platform and region
/// ("Iron Legion II Deluxe Edition Steam Key GLOBAL") and the brand is the platform, which is all a store has to
/// match it with the same game from another supplier.
/// </summary>
internal sealed record PriceListItem(
    string ProductName,
    string Category,
    string Brand,
    string Type,
    string SellerName,
    long Price,
    string BuyerSkuCode,
    bool BuyerProductStatus,
    bool SellerProductStatus,
    bool UnlimitedStock,
    int Stock,
    bool Multi,
    string StartCutOff,
    string EndCutOff,
    string Desc)
{
    public const string Games = "Games";

    public static PriceListItem From(Game game, long price, int stock)
    {
        var listing = game.Digiflazz!;
        return new PriceListItem($"{game.FullTitle} {game.Platform.Name} Key {game.Region.Code}", Games, game.Platform.Name, "Umum",
            listing.SellerName, price, listing.Sku, listing.BuyerProductStatus, listing.SellerProductStatus, listing.UnlimitedStock,
            stock, Multi: true, listing.StartCutOff, listing.EndCutOff,
            $"Kode aktivasi {game.Platform.Name} untuk {game.FullTitle}, region {game.Region.Code}. Kode dikirim di SN.");
    }
}
