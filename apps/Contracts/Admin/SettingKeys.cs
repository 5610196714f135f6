namespace GamesDrop.Contracts.Admin;

/// <summary>The configuration keys stored settings are kept under; each app binds its options from these sections.</summary>
public static class SettingKeys
{
    public const string Currency = "Store:Currency";
    public const string PaymentFeePercent = "Store:PaymentFee:Percent";
    public const string PaymentFeeFixed = "Store:PaymentFee:Fixed";
    public const string LowStockThreshold = "Store:LowStockThreshold";
    public const string MarginFloorPercent = "Pricing:MarginFloorPercent";
    public const string OneClickWindow = "Refunds:OneClickWindow";
    public const string Fraud = "Fraud";
    public const string TelegramChatId = "Notifier:Telegram:ChatId";
    public const string SpreadsheetId = "Notifier:Sheets:SpreadsheetId";
}
