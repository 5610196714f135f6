using GamesDrop.Contracts.Orders;

namespace GamesDrop.Kernel.Features.Fraud;

/// <summary>
/// The rules: each reads what <see cref="FraudSql.Signals"/> counted and, when it trips, gives its score and what it
/// saw. Rule names are for staff; <see cref="CustomerWords"/> says the same to the buyer without naming any rule.
/// </summary>
internal static class FraudRules
{
    public const string AccountVelocity = "account-velocity";
    public const string EmailVelocity = "email-velocity";
    public const string IpVelocity = "ip-velocity";
    public const string DeviceVelocity = "device-velocity";
    public const string PayerVelocity = "payer-velocity";
    public const string FirstOrderAmount = "first-order-amount";
    public const string LargeOrder = "large-order";
    public const string DeviceAccounts = "device-accounts";
    public const string PayerAccounts = "payer-accounts";
    public const string DisposableEmail = "disposable-email";

    public static List<FraudReason> Evaluate(FraudSignals s, FraudSettings settings, DisposableDomains disposable)
    {
        var reasons = new List<FraudReason>();
        var window = $"{settings.VelocityWindow.TotalMinutes:0} min";
        void Velocity(string rule, int others, int max, int score, string of)
        {
            if (others + 1 > max)
            {
                reasons.Add(new FraudReason(rule, score, $"{others + 1} orders {of} in {window} (at most {max})."));
            }
        }
        Velocity(AccountVelocity, s.AccountOrders, settings.MaxOrdersPerAccount, settings.VelocityScore, "from this account");
        Velocity(EmailVelocity, s.EmailOrders, settings.MaxOrdersPerEmail, settings.VelocityScore, "with this email");
        Velocity(IpVelocity, s.IpOrders, settings.MaxOrdersPerIp, settings.IpVelocityScore, "from this address");
        Velocity(DeviceVelocity, s.DeviceOrders, settings.MaxOrdersPerDevice, settings.VelocityScore, "from this device");
        Velocity(PayerVelocity, s.PayerOrders, settings.MaxOrdersPerPayer, settings.VelocityScore, "paid by this PayPal payer");
        if (s.PaidBefore == 0 && s.Total >= settings.FirstOrderAmount)
        {
            reasons.Add(new FraudReason(FirstOrderAmount, settings.FirstOrderScore, $"First order, {s.Total} (from {settings.FirstOrderAmount})."));
        }
        if (s.Total >= settings.LargeOrderAmount)
        {
            reasons.Add(new FraudReason(LargeOrder, settings.LargeOrderScore, $"Order of {s.Total} (from {settings.LargeOrderAmount})."));
        }
        if (s.DeviceAccounts > settings.MaxAccountsPerDevice)
        {
            reasons.Add(new FraudReason(DeviceAccounts, settings.DeviceAccountsScore,
                $"{s.DeviceAccounts} accounts on this device (at most {settings.MaxAccountsPerDevice})."));
        }
        if (s.PayerAccounts > settings.MaxAccountsPerPayer)
        {
            reasons.Add(new FraudReason(PayerAccounts, settings.PayerAccountsScore,
                $"{s.PayerAccounts} accounts paid by this PayPal payer (at most {settings.MaxAccountsPerPayer})."));
        }
        if (disposable.Contains(s.Email))
        {
            reasons.Add(new FraudReason(DisposableEmail, settings.DisposableEmailScore, "The email is at a throwaway-mail domain."));
        }
        return reasons;
    }

    public static string Decide(int score, FraudSettings settings) =>
        score >= settings.RefuseScore ? FraudDecisions.Refuse : score >= settings.HoldScore ? FraudDecisions.Hold : FraudDecisions.Allow;

    /// <summary>Why an order is held, as the buyer reads it.</summary>
    public static string CustomerWords(string rule) => rule switch
    {
        AccountVelocity or EmailVelocity or IpVelocity or DeviceVelocity or PayerVelocity => "Several orders were placed in a short time.",
        FirstOrderAmount => "It is a large first order with us.",
        LargeOrder => "It is a large order.",
        DeviceAccounts => "The device it was placed from was recently used with several other accounts.",
        PayerAccounts => "The PayPal account that paid was recently used with several other store accounts.",
        DisposableEmail => "The email address is from a temporary mail service.",
        _ => "We check some orders by hand to keep stolen payments out.",
    };
}

/// <summary>What the rules read about one order; counts exclude the order itself except the accounts on its device and payer.</summary>
internal sealed record FraudSignals(
    decimal Total, string Email, int AccountOrders, int EmailOrders, int IpOrders, int DeviceOrders, int PayerOrders, int PaidBefore,
    int DeviceAccounts, int PayerAccounts);
