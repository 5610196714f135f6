namespace GamesDrop.Kernel.Features.Fraud;

/// <summary>
/// The fraud checks' thresholds and scores (section <c>Fraud</c>), one place for the admin page to edit. Each rule that
/// trips adds its score; the sum decides: below <see cref="HoldScore"/> the order goes ahead, from it the payment is only
/// authorised until someone reviews it, from <see cref="RefuseScore"/> the order is refused.
/// </summary>
public sealed class FraudSettings
{
    public int HoldScore { get; set; } = 60;
    public int RefuseScore { get; set; } = 120;

    /// <summary>The window the velocity rules count orders in.</summary>
    public TimeSpan VelocityWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Orders one account, email, device or PayPal payer may place in the window before its rule trips.</summary>
    public int MaxOrdersPerAccount { get; set; } = 5;
    public int MaxOrdersPerEmail { get; set; } = 10;
    public int MaxOrdersPerDevice { get; set; } = 5;
    public int MaxOrdersPerPayer { get; set; } = 5;
    public int VelocityScore { get; set; } = 40;

    /// <summary>Many shoppers share one address (a campus, a mobile carrier): more allowed, and it weighs less.</summary>
    public int MaxOrdersPerIp { get; set; } = 20;
    public int IpVelocityScore { get; set; } = 25;

    /// <summary>A buyer's first paid order from this amount (store currency) is looked at.</summary>
    public decimal FirstOrderAmount { get; set; } = 150m;
    public int FirstOrderScore { get; set; } = 30;

    /// <summary>Any order from this amount is looked at.</summary>
    public decimal LargeOrderAmount { get; set; } = 500m;
    public int LargeOrderScore { get; set; } = 30;

    /// <summary>The window in which the accounts seen on one device or PayPal payer are counted.</summary>
    public TimeSpan AccountsWindow { get; set; } = TimeSpan.FromDays(30);
    public int MaxAccountsPerDevice { get; set; } = 3;
    public int DeviceAccountsScore { get; set; } = 50;
    public int MaxAccountsPerPayer { get; set; } = 2;
    public int PayerAccountsScore { get; set; } = 60;

    /// <summary>An email at a throwaway-mail domain (the kernel's list).</summary>
    public int DisposableEmailScore { get; set; } = 60;

    public bool IsValid() =>
        HoldScore > 0 && RefuseScore >= HoldScore && VelocityWindow > TimeSpan.Zero && AccountsWindow > TimeSpan.Zero
        && new[] { MaxOrdersPerAccount, MaxOrdersPerEmail, MaxOrdersPerDevice, MaxOrdersPerPayer, MaxOrdersPerIp, MaxAccountsPerDevice, MaxAccountsPerPayer }
            .All(n => n >= 1)
        && new[] { VelocityScore, IpVelocityScore, FirstOrderScore, LargeOrderScore, DeviceAccountsScore, PayerAccountsScore, DisposableEmailScore }
            .All(s => s >= 0)
        && FirstOrderAmount > 0 && LargeOrderAmount > 0;
}
