using Dapr.Actors;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>One shopper's cart; lines keyed by product slug. Refusals come back as values, not exceptions, to cross the wire plainly.</summary>
public interface ICartActor : IActor
{
    Task<CartContents> GetAsync();

    /// <summary>Adds to the line's quantity, or starts a line at the given unit price.</summary>
    Task<CartUpdate> AddAsync(CartItem item);

    Task<CartUpdate> SetQuantityAsync(LineQuantity line);

    Task<CartContents> RemoveAsync(string slug);

    /// <summary>Adds another cart's lines: quantities add up to at most the line limit; lines beyond the cart limit are left out.</summary>
    Task<CartContents> MergeAsync(CartContents other);

    Task ClearAsync();
}

public sealed record CartLine(string Slug, int Quantity, decimal? AddedUnitPrice);

public sealed record CartContents(IReadOnlyList<CartLine> Lines)
{
    public static CartContents Empty { get; } = new([]);
}

public sealed record CartItem(string Slug, int Quantity, decimal? UnitPrice);

public sealed record LineQuantity(string Slug, int Quantity);

public sealed record CartUpdate(CartContents Cart, CartRefusal Refusal);

public enum CartRefusal
{
    None,
    QuantityOutOfRange,
    TooManyLines,
    NotInCart,
}

public static class CartLimits
{
    public const int MaxQuantity = 10;
    public const int MaxLines = 50;
}
