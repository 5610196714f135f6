namespace GamesDrop.Suppliers.Adapters.Digiflazz;

/// <summary>Configuration section <c>Suppliers:Digiflazz</c>; username, API key and webhook secret are secrets.</summary>
public sealed class DigiflazzOptions
{
    /// <summary>Only price-list entries of this category are games sold as keys.</summary>
    public string Category { get; set; } = "Games";

    /// <summary>Balance, in IDR, under which operations are alerted.</summary>
    public decimal LowBalance { get; set; } = 1_000_000m;

    /// <summary>Sends <c>testing: true</c> on transactions (Digiflazz's development mode).</summary>
    public bool Testing { get; set; }

    public const string UsernameSecret = "digiflazz-username";
    public const string ApiKeySecret = "digiflazz-api-key";
    public const string WebhookSecret = "digiflazz-webhook-secret";
}
