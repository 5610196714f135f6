using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Sandbox.Features.Telegram;

/// <summary>Section <c>Sandbox:Telegram</c>: the one simulated bot; its token (<c>id:secret</c>) is expected in every call's path.</summary>
internal sealed class TelegramOptions
{
    public const string Section = "Sandbox:Telegram";

    [Required]
    [RegularExpression(@"^\d+:[A-Za-z0-9_-]+$")]
    public string BotToken { get; set; } = "";
}
