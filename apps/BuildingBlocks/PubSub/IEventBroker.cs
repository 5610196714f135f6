namespace GamesDrop.BuildingBlocks.PubSub;

/// <summary>What a broker did with a batch: how many, in order, it took before <see cref="Failure"/> stopped it.</summary>
public sealed record BrokerResult(int Published, Exception? Failure);

/// <summary>Where the outbox relay hands events: Dapr pub/sub, or the Embedded in-process delivery.</summary>
public interface IEventBroker
{
    /// <summary>Publishes <paramref name="messages"/> in order, stopping at the first failure.</summary>
    Task<BrokerResult> PublishAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);
}
