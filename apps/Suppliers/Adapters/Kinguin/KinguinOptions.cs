namespace GamesDrop.Suppliers.Adapters.Kinguin;

/// <summary>Configuration section <c>Suppliers:Kinguin</c>; the API key and webhook secret are secrets, not options.</summary>
public sealed class KinguinOptions
{
    /// <summary>Listings per page when syncing (Kinguin allows at most 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Pages of listings requested at once while syncing (1 reads them one after another).</summary>
    public int PagesInFlight { get; set; } = 4;

    /// <summary>Balance, in EUR, under which operations are alerted.</summary>
    public decimal LowBalance { get; set; } = 50m;

    public const string ApiKeySecret = "kinguin-api-key";
    public const string WebhookSecret = "kinguin-webhook-secret";
}
