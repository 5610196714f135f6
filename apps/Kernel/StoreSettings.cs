namespace GamesDrop.Kernel;

/// <summary>Store-wide settings from configuration section <c>Store</c>.</summary>
public sealed class StoreSettings
{
    /// <summary>ISO 4217 code every price is shown and charged in.</summary>
    public string Currency { get; set; } = "EUR";
}
