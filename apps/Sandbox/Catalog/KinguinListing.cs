namespace GamesDrop.Sandbox.Catalog;

/// <summary>How Kinguin lists a game when the catalog is generated; stock and price changes live in the simulator.</summary>
internal sealed record KinguinListing(int KinguinId, string ProductId, DateTimeOffset UpdatedAt, KinguinOffer[] Offers);

/// <summary>One merchant's offer: EUR price, keys in stock, and how many of those are text keys rather than images.</summary>
internal sealed record KinguinOffer(string OfferId, string MerchantName, decimal Price, int Qty, int TextQty);
