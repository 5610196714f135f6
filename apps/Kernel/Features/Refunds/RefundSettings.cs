namespace GamesDrop.Kernel.Features.Refunds;

/// <summary>One-click refunds (section <c>Refunds</c>): how long after payment a buyer may refund an unrevealed key.</summary>
public sealed class RefundSettings
{
    public TimeSpan OneClickWindow { get; set; } = TimeSpan.FromDays(14);
}
