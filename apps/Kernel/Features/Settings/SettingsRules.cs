using System.Globalization;
using System.Text.RegularExpressions;
using GamesDrop.Contracts.Admin;
using GamesDrop.Kernel.Features.Fraud;
using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.Kernel.Features.Refunds;

namespace GamesDrop.Kernel.Features.Settings;

/// <summary>
/// System settings between their typed form and the configuration keys they are stored under, and what a change must
/// meet. Patterns spell digits [0-9]: .NET's \d also takes other scripts' digits, which no partner API reads.
/// </summary>
internal static partial class SettingsRules
{
    public const int MaxMarginRules = 100;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    // A chat's numeric id (groups are negative) or a public channel's @name.
    [GeneratedRegex("^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$")]
    private static partial Regex ChatIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SpreadsheetIdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9 &'-]{0,39}$")]
    private static partial Regex GenrePattern();

    public static SystemSettings Current(StoreSettings store, PricingSettings pricing, FraudSettings fraud, RefundSettings refunds, NotificationTargetSettings targets) =>
        new(store.Currency, store.PaymentFee.Percent, store.PaymentFee.Fixed, pricing.MarginFloorPercent, store.LowStockThreshold,
            (int)refunds.OneClickWindow.TotalDays,
            new FraudThresholds(fraud.HoldScore, fraud.RefuseScore, fraud.FirstOrderAmount, fraud.LargeOrderAmount, fraud.MaxOrdersPerAccount,
                fraud.MaxOrdersPerEmail, fraud.MaxOrdersPerIp),
            new NotificationTargets(Blank(targets.Telegram.ChatId), Blank(targets.Sheets.SpreadsheetId)));

    public static Dictionary<string, string> ToConfiguration(SystemSettings s)
    {
        var values = new Dictionary<string, string>
        {
            [SettingKeys.Currency] = s.Currency,
            [SettingKeys.PaymentFeePercent] = Text(s.PaymentFeePercent),
            [SettingKeys.PaymentFeeFixed] = Text(s.PaymentFeeFixed),
            [SettingKeys.LowStockThreshold] = Text(s.LowStockThreshold),
            [SettingKeys.MarginFloorPercent] = Text(s.MarginFloorPercent),
            [SettingKeys.OneClickWindow] = TimeSpan.FromDays(s.OneClickRefundDays).ToString("c", CultureInfo.InvariantCulture),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.HoldScore)}"] = Text(s.Fraud.HoldScore),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.RefuseScore)}"] = Text(s.Fraud.RefuseScore),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.FirstOrderAmount)}"] = Text(s.Fraud.FirstOrderAmount),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.LargeOrderAmount)}"] = Text(s.Fraud.LargeOrderAmount),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.MaxOrdersPerAccount)}"] = Text(s.Fraud.MaxOrdersPerAccount),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.MaxOrdersPerEmail)}"] = Text(s.Fraud.MaxOrdersPerEmail),
            [$"{SettingKeys.Fraud}:{nameof(FraudSettings.MaxOrdersPerIp)}"] = Text(s.Fraud.MaxOrdersPerIp),
            // Empty, not absent: an empty stored target overrides a file's default and turns the channel off.
            [SettingKeys.TelegramChatId] = s.Notifications.TelegramChatId?.Trim() ?? "",
            [SettingKeys.SpreadsheetId] = s.Notifications.SpreadsheetId?.Trim() ?? "",
        };
        return values;
    }

    /// <summary>Errors by field, in camelCase as the page names them; the currency must be one with a rate.</summary>
    public static Dictionary<string, string[]> Validate(SettingsChange change, IReadOnlySet<string> currencies, IReadOnlySet<string> suppliers)
    {
        var errors = new Dictionary<string, string[]>();
        var s = change.Settings;
        if (s is null || s.Fraud is null || s.Notifications is null || change.MarginRules is null)
        {
            errors["settings"] = ["Every setting, the fraud thresholds, the notification targets and the margin rules."];
            return errors;
        }
        if (string.IsNullOrWhiteSpace(change.AdminEmail) || change.AdminEmail.Length > 254)
        {
            errors["adminEmail"] = ["The admin's email, for the audit."];
        }
        if (s.Currency is null || !CurrencyPattern().IsMatch(s.Currency) || !currencies.Contains(s.Currency))
        {
            errors["currency"] = [$"A currency the store has an exchange rate for: {string.Join(", ", currencies.Order())}."];
        }
        Check(errors, "paymentFeePercent", s.PaymentFeePercent is >= 0 and < 20 && s.PaymentFeePercent.Scale <= 3, "From 0 to below 20 %, at most 3 decimals.");
        Check(errors, "paymentFeeFixed", s.PaymentFeeFixed is >= 0 and <= 10 && s.PaymentFeeFixed.Scale <= 2, "From 0 to 10, at most 2 decimals.");
        Check(errors, "marginFloorPercent", s.MarginFloorPercent is >= 0 and <= 100 && s.MarginFloorPercent.Scale <= 3, "From 0 to 100 %, at most 3 decimals.");
        Check(errors, "lowStockThreshold", s.LowStockThreshold is >= 0 and <= 10_000, "From 0 to 10000 keys.");
        Check(errors, "oneClickRefundDays", s.OneClickRefundDays is >= 0 and <= 365, "From 0 to 365 days.");
        var f = s.Fraud;
        Check(errors, "fraud.holdScore", f.HoldScore is >= 1 and <= 1000, "From 1 to 1000.");
        Check(errors, "fraud.refuseScore", f.RefuseScore >= f.HoldScore && f.RefuseScore <= 1000, "At least the hold score, at most 1000.");
        Check(errors, "fraud.firstOrderAmount", f.FirstOrderAmount is > 0 and <= 1_000_000 && f.FirstOrderAmount.Scale <= 2, "Above 0, at most 2 decimals.");
        Check(errors, "fraud.largeOrderAmount", f.LargeOrderAmount is > 0 and <= 1_000_000 && f.LargeOrderAmount.Scale <= 2, "Above 0, at most 2 decimals.");
        foreach (var (name, value) in new[] { ("maxOrdersPerAccount", f.MaxOrdersPerAccount), ("maxOrdersPerEmail", f.MaxOrdersPerEmail), ("maxOrdersPerIp", f.MaxOrdersPerIp) })
        {
            Check(errors, $"fraud.{name}", value is >= 1 and <= 10_000, "From 1 to 10000 orders.");
        }
        Check(errors, "notifications.telegramChatId", Blank(s.Notifications.TelegramChatId) is not { } chat || ChatIdPattern().IsMatch(chat),
            "A chat id in digits 0-9 (a group's starts with -), or a channel's @name; empty turns alerts off.");
        Check(errors, "notifications.spreadsheetId", Blank(s.Notifications.SpreadsheetId) is not { } sheet || SpreadsheetIdPattern().IsMatch(sheet),
            "The id in the sheet's address (letters, digits, - and _); empty turns sales rows off.");
        ValidateMarginRules(errors, change.MarginRules, s.MarginFloorPercent, suppliers);
        return errors;
    }

    private static void ValidateMarginRules(Dictionary<string, string[]> errors, IReadOnlyList<MarginRule> rules, decimal floor, IReadOnlySet<string> suppliers)
    {
        if (rules.Count is 0 or > MaxMarginRules || rules.Any(r => r is null) || rules.Count(r => r.Supplier is null && r.Genre is null) != 1)
        {
            errors["marginRules"] = [$"One default rule (no supplier, no genre) and at most {MaxMarginRules} rules in all."];
            return;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var problems = new List<string>();
            if (r.MarginPercent < floor || r.MarginPercent > 500 || r.MarginPercent.Scale > 3)
            {
                problems.Add($"The margin is from the floor of {Text(floor)} % to 500 %, at most 3 decimals.");
            }
            if (r.MinMargin is < 0 or > 1000 || r.MinMargin.Scale > 4)
            {
                problems.Add("The least margin is from 0 to 1000.");
            }
            if (r.Supplier is not null && !suppliers.Contains(r.Supplier))
            {
                problems.Add("No such supplier.");
            }
            if (r.Genre is not null && !GenrePattern().IsMatch(r.Genre))
            {
                problems.Add("A genre in lower case, as the catalog names it.");
            }
            if (rules.Take(i).Any(o => o.Supplier == r.Supplier && o.Genre == r.Genre))
            {
                problems.Add("Another rule has this supplier and genre.");
            }
            if (problems.Count > 0)
            {
                errors[$"marginRules[{i}]"] = [.. problems];
            }
        }
    }

    private static void Check(Dictionary<string, string[]> errors, string field, bool valid, string message)
    {
        if (!valid)
        {
            errors[field] = [message];
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
