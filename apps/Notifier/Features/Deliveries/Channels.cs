namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>Where a notification goes; each event sends at most one message per channel.</summary>
public static class Channels
{
    public const string Telegram = "telegram";
    public const string Sheets = "sheets";
    public const string Mail = "mail";
}
