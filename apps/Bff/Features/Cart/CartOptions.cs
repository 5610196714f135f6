using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>Section <c>Cart</c>.</summary>
public sealed class CartOptions
{
    public const string Section = "Cart";

    /// <summary>A cart nobody touched this long is emptied and forgotten.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromDays(30);
}
