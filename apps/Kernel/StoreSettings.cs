namespace GamesDrop.Kernel;

/// <summary>Store-wide settings from configuration section <c>Store</c>.</summary>
public sealed class StoreSettings
{
    /// <summary>ISO 4217 code every price is shown and charged in.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Where shoppers reach the storefront; links in mails point there.</summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:3000");

    /// <summary>What the payment provider keeps of each payment; listed prices are grossed up so the store still nets its margin.</summary>
    public PaymentFeeSettings PaymentFee { get; set; } = new();

    /// <summary>Ops are alerted once when a product's own-stock keys still available fall to this many or fewer.</summary>
    public int LowStockThreshold { get; set; } = 5;
}

/// <summary>A payment fee of <see cref="Percent"/> % of the amount plus <see cref="Fixed"/> in the store currency.</summary>
public sealed class PaymentFeeSettings
{
    public decimal Percent { get; set; } = 3.49m;
    public decimal Fixed { get; set; } = 0.35m;
}
