using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Checkout;

/// <summary>Section <c>Store</c> as the checkout reads it.</summary>
public sealed class CheckoutStoreOptions
{
    public const string Section = "Store";

    /// <summary>The storefront's public address: PayPal sends the buyer back to its return and cancel pages.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:3000";
}
