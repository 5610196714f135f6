using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Contracts.Admin;

// System configuration as staff read and change it (the kernel validates and stores it; configuration gives defaults).

/// <param name="Currency">ISO 4217 code prices are shown and charged in; one the kernel has a rate for.</param>
/// <param name="PaymentFeePercent">What the payment provider keeps, in % of the amount (prices are grossed up by it).</param>
/// <param name="PaymentFeeFixed">And per payment, in the store currency.</param>
/// <param name="MarginFloorPercent">No margin rule may ask less than this.</param>
/// <param name="LowStockThreshold">Ops are alerted when a product's own-stock keys fall to this many.</param>
/// <param name="OneClickRefundDays">How many days after payment a buyer may refund an unrevealed key in one click.</param>
public sealed record SystemSettings(
    string Currency, decimal PaymentFeePercent, decimal PaymentFeeFixed, decimal MarginFloorPercent, int LowStockThreshold,
    int OneClickRefundDays, FraudThresholds Fraud, NotificationTargets Notifications);

/// <summary>The fraud check's scores and limits that staff tune most (the rest stay in configuration).</summary>
public sealed record FraudThresholds(
    int HoldScore, int RefuseScore, decimal FirstOrderAmount, decimal LargeOrderAmount, int MaxOrdersPerAccount, int MaxOrdersPerEmail,
    int MaxOrdersPerIp);

/// <param name="TelegramChatId">The ops chat alerts go to; none turns alerts off.</param>
/// <param name="SpreadsheetId">The Google sheet sales rows go to; none turns them off.</param>
public sealed record NotificationTargets(string? TelegramChatId, string? SpreadsheetId);

/// <summary>
/// A margin rule: the most specific (supplier and genre, supplier, genre, the default with neither) prices an offer. The
/// shapes are checked where a request comes in; the kernel checks the rest (the floor, known suppliers, one rule per pair).
/// </summary>
public sealed record MarginRule(
    [RegularExpression("^[a-z][a-z0-9-]{1,31}$", ErrorMessage = "A supplier's code, such as kinguin.")] string? Supplier,
    [RegularExpression("^[a-z0-9][a-z0-9 &'-]{0,39}$", ErrorMessage = "A genre in lower case, as the catalog names it.")] string? Genre,
    [Range(typeof(decimal), "0", "500", ErrorMessage = "From 0 to 500 %.")] decimal MarginPercent,
    [Range(typeof(decimal), "0", "1000", ErrorMessage = "From 0 to 1000.")] decimal MinMargin);

public sealed record CurrencyRateSetting(string Currency, decimal RateToStore, DateTime UpdatedAt);

/// <summary>What the configuration page shows: the settings in force, margin rules and exchange rates.</summary>
public sealed record SettingsView(SystemSettings Settings, IReadOnlyList<MarginRule> MarginRules, IReadOnlyList<CurrencyRateSetting> Rates, long Version);

/// <summary>A change by an admin: the whole settings and margin rules, as the page sends them.</summary>
public sealed record SettingsChange(Guid AdminId, string AdminEmail, SystemSettings Settings, IReadOnlyList<MarginRule> MarginRules);
