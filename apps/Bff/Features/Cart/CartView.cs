using GamesDrop.Bff.Clients;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>
/// The cart as the storefront shows it, priced at the store's current prices. Lines whose product cannot be bought now
/// (gone, out of stock, no price) stay in the cart, flagged, and count toward neither total.
/// </summary>
public sealed record CartView(
    IReadOnlyList<CartLineView> Lines, int ItemCount, decimal Total, string Currency, bool HasUnavailable, string CsrfToken)
{
    public static async Task<CartView> PricedAsync(CartContents cart, CartOwner owner, KernelClient kernel, CancellationToken ct) =>
        Priced(cart, owner, await kernel.LookupProductsAsync([.. cart.Lines.Select(l => l.Slug)], ct));

    /// <summary>Prices <paramref name="cart"/> from <paramref name="lookup"/>, which asked for every line's product.</summary>
    public static CartView Priced(CartContents cart, CartOwner owner, ProductLookupResult lookup)
    {
        var products = lookup.Items.ToDictionary(p => p.Slug);
        var lines = cart.Lines.Select(l => CartLineView.From(l, products.GetValueOrDefault(l.Slug))).ToList();
        var available = lines.Where(l => l.Available).ToList();
        return new CartView(
            lines, available.Sum(l => l.Quantity), available.Sum(l => l.LineTotal), lookup.Currency, lines.Count > available.Count, owner.CsrfToken);
    }
}

/// <param name="UnitPrice">The current store price; null when the product cannot be bought now.</param>
/// <param name="AddedUnitPrice">The price when the line was added.</param>
public sealed record CartLineView(
    string Slug, string Title, string Platform, string Region, string Edition, string? ImageUrl, int Quantity,
    decimal? UnitPrice, decimal? AddedUnitPrice, bool PriceChanged, bool Available, decimal LineTotal)
{
    public static CartLineView From(CartLine line, ProductSummary? product)
    {
        var price = product is { InStock: true, Price: { } p } ? p : (decimal?)null;
        return new CartLineView(
            line.Slug, product?.Title ?? line.Slug, product?.Platform ?? "", product?.Region ?? "", product?.Edition ?? "", product?.ImageUrl,
            line.Quantity, price, line.AddedUnitPrice, price is not null && price != line.AddedUnitPrice, price is not null,
            (price ?? 0m) * line.Quantity);
    }
}
