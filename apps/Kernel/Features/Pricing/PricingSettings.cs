namespace GamesDrop.Kernel.Features.Pricing;

/// <summary>Pricing policy (section <c>Pricing</c>): no margin rule may ask less than the floor.</summary>
public sealed class PricingSettings
{
    public decimal MarginFloorPercent { get; set; }
}
