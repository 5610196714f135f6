using System.Text.Json.Serialization;

namespace GamesDrop.Suppliers.Adapters.Kinguin;

// Wire shapes of Kinguin's eCommerce API (ESA), the fields this adapter reads.

internal sealed record KinguinProductPage(IReadOnlyList<KinguinProduct> Results, [property: JsonPropertyName("item_count")] int ItemCount);

internal sealed record KinguinProduct(
    int KinguinId,
    string ProductId,
    string Name,
    string? Description,
    string? Platform,
    string? ReleaseDate,
    decimal Price,
    int Qty,
    bool IsPreorder,
    string? RegionalLimitations,
    IReadOnlyList<string?>? CountryLimitation,
    IReadOnlyList<string>? Genres,
    string? ActivationDetails,
    KinguinImages? Images,
    DateTimeOffset? UpdatedAt);

internal sealed record KinguinImages(KinguinImage? Cover);

internal sealed record KinguinImage(string? Url, string? Thumbnail);

internal sealed record KinguinBalance(decimal Balance);

internal sealed record KinguinOrderLine(string ProductId, int Qty, decimal Price);

internal sealed record KinguinOrderRequest(IReadOnlyList<KinguinOrderLine> Products, string OrderExternalId);

internal sealed record KinguinOrder(string OrderId, string? OrderExternalId, string Status, decimal? TotalPrice);

internal sealed record KinguinOrderSearch(IReadOnlyList<KinguinOrder> Results, [property: JsonPropertyName("item_count")] int ItemCount);

internal sealed record KinguinKey(string Id, string Serial, string Type, string? ProductId);

internal sealed record KinguinError(string? Kind, int? Status, string? Title, string? Detail);
