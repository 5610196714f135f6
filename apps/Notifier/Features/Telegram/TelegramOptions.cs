namespace GamesDrop.Notifier.Features.Telegram;

/// <summary>
/// Section <c>Notifier:Telegram</c>: the ops chat alerts go to (a chat id, or <c>@channel</c>). Unset, no alerts are sent.
/// The bot token is secret <c>telegram-bot-token</c>.
/// </summary>
public sealed class TelegramOptions
{
    public const string Section = "Notifier:Telegram";
    public const string TokenSecret = "telegram-bot-token";
    public const string EndpointName = "telegram-api";

    public string? ChatId { get; set; }
}
