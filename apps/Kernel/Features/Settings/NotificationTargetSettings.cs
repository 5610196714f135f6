namespace GamesDrop.Kernel.Features.Settings;

/// <summary>
/// Section <c>Notifier</c> as the kernel reads it: where staff alerts go. Stored settings override the files' values
/// and reload without a restart, so it is read through IOptionsMonitor; staff's edits are checked by SettingsRules.
/// The keys are <see cref="GamesDrop.Contracts.Admin.SettingKeys.TelegramChatId"/> and <see cref="GamesDrop.Contracts.Admin.SettingKeys.SpreadsheetId"/>.
/// </summary>
public sealed class NotificationTargetSettings
{
    public const string Section = "Notifier";

    public TelegramTarget Telegram { get; set; } = new();

    public SheetsTarget Sheets { get; set; } = new();

    public sealed class TelegramTarget
    {
        public string? ChatId { get; set; }
    }

    public sealed class SheetsTarget
    {
        public string? SpreadsheetId { get; set; }
    }
}
