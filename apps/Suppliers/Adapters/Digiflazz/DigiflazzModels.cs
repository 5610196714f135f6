namespace GamesDrop.Suppliers.Adapters.Digiflazz;

// Wire shapes of Digiflazz's buyer API (snake_case JSON, every reply wrapped in "data").

internal sealed record DigiflazzPriceItem(
    string ProductName,
    string Category,
    string Brand,
    string Type,
    string Desc,
    string BuyerSkuCode,
    decimal Price,
    bool BuyerProductStatus,
    bool SellerProductStatus,
    bool UnlimitedStock,
    int Stock,
    string StartCutOff,
    string EndCutOff);

internal sealed record DigiflazzTransaction(
    string RefId,
    string? CustomerNo,
    string BuyerSkuCode,
    string? Message,
    string Status,
    string Rc,
    string? Sn,
    decimal? Price);

internal sealed record DigiflazzDeposit(decimal Deposit);

internal sealed record DigiflazzFailure(string Rc, string? Message);
