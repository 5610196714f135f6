using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Suppliers.Features.Refresh;

/// <summary>
/// Section <c>Suppliers:Refresh</c>: the quota of the re-reads product views ask for, kept apart from purchases and syncs so
/// page traffic can never spend what they need.
/// </summary>
public sealed class RefreshOptions
{
    /// <summary>Re-reads per second, per supplier.</summary>
    [Range(0.01, 1000)]
    public double CallsPerSecond { get; set; } = 2;

    /// <summary>Re-reads a supplier may get at once after a quiet spell.</summary>
    [Range(1, 10_000)]
    public int Burst { get; set; } = 10;

    /// <summary>Offers waiting at most; past it a view's request is dropped and the offer stays stale until the next view.</summary>
    [Range(1, 1_000_000)]
    public int QueueLimit { get; set; } = 1000;

    /// <summary>Re-reads in flight at once, over all suppliers.</summary>
    [Range(1, 100)]
    public int Concurrency { get; set; } = 4;
}
