namespace GamesDrop.Kernel.Features.Scoreboard;

/// <summary>How the scoreboard judges suppliers, from configuration section <c>Scoreboard</c>.</summary>
public sealed class ScoreboardSettings
{
    /// <summary>Purchases of the last this many days count.</summary>
    public int Days { get; set; } = 30;

    /// <summary>A supplier filling fewer purchases than this share is tried after the others.</summary>
    public double FillRateFloor { get; set; } = 0.8;

    /// <summary>Fewer settled purchases than this say nothing yet: such a supplier is not held back.</summary>
    public int MinPurchases { get; set; } = 10;
}
