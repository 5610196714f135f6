using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Notifier;

/// <summary>Section <c>Store</c> as the notifier reads it: where links in mails and alerts point, and the store's currency.</summary>
public sealed class NotifierStoreOptions
{
    public const string Section = "Store";

    /// <summary>The storefront's address.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:3000";

    /// <summary>The currency of a day's summary when the day had no sales.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "EUR";
}
