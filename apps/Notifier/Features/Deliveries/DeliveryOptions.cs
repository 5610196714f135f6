using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>
/// How queued notifications are retried (section <c>Notifier:Delivery</c>): exponential backoff from
/// <see cref="FirstRetry"/> up to <see cref="MaxRetry"/>; after <see cref="MaxAttempts"/> failures one is dead-lettered
/// (kept, listed as undelivered, sent again on request).
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notifier:Delivery";

    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a claimed message is not handed out again, in case its sender dies mid-send.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan DelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, FirstRetry.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}
