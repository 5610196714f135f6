namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>Sends one stored message (its JSON payload) to a partner; throws when it did not go.</summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>Whether the channel is configured; alerts for an unconfigured channel are not queued.</summary>
    bool Enabled { get; }

    Task SendAsync(string payload, CancellationToken ct);
}

/// <summary>The partner asked us to come back later (Telegram's 429 with <c>retry_after</c>).</summary>
public sealed class RetryLaterException(TimeSpan after, string message) : Exception(message)
{
    public TimeSpan After { get; } = after;
}
