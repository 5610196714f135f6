namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// How Digiflazz lists a game: integer IDR price, stock, whether buyer and seller switched it on, and a daily
/// cut-off window in WIB ("00:00" to "00:00" is none).
/// </summary>
internal sealed record DigiflazzListing(
    string Sku,
    long Price,
    int Stock,
    bool UnlimitedStock,
    bool BuyerProductStatus,
    bool SellerProductStatus,
    string SellerName,
    string StartCutOff,
    string EndCutOff);
