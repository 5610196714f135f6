namespace GamesDrop.Contracts;

/// <summary>Names of the Dapr components in <c>components/</c> that code refers to.</summary>
public static class DaprComponents
{
    public const string PubSub = "pubsub";
    public const string StateStore = "statestore";
    public const string SecretStore = "secretstore";

    /// <summary>The notifier's SMTP output binding.</summary>
    public const string Mail = "mail";

    /// <summary>Cron input binding: the notifier appends yesterday's summary row to the sales sheet.</summary>
    public const string DailySalesSummary = "daily-sales-summary";
}
