namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Body of <c>POST /v2/order</c>.</summary>
internal sealed record PlaceOrder(PlaceOrderLine[]? Products, string? OrderExternalId, string? CouponCode = null)
{
    public const int MaxLines = 10;
    public const int MaxQtyPerOffer = 9;

    /// <summary>The rules Kinguin checks before looking at stock or balance.</summary>
    public KinguinError? Validate()
    {
        if (Products is not { Length: > 0 })
        {
            return KinguinError.Invalid("products", "products must contain at least one product.");
        }
        if (Products.Length > MaxLines)
        {
            return KinguinError.Invalid("products", $"products may contain at most {MaxLines} items.");
        }
        for (var i = 0; i < Products.Length; i++)
        {
            var line = Products[i];
            var problem = line switch
            {
                { ProductId: null or "" } => ("productId", "productId is required."),
                { Qty: < 1 or > MaxQtyPerOffer } => ("qty", $"qty must be between 1 and {MaxQtyPerOffer} per offer."),
                { Price: <= 0 } => ("price", "price must be greater than 0."),
                { KeyType: not (null or "text") } => ("keyType", "keyType may only be \"text\"."),
                _ => default((string, string)?),
            };
            if (problem is var (property, detail))
            {
                return KinguinError.Invalid($"products[{i}].{property}", detail);
            }
        }
        return null;
    }
}

/// <param name="Price">The most the buyer accepts to pay per key, in EUR.</param>
internal sealed record PlaceOrderLine(string? ProductId, int Qty, decimal Price, string? KeyType = null, string? OfferId = null, string? Name = null);
