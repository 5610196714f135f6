namespace GamesDrop.BuildingBlocks.PubSub;

/// <summary>Where the outbox relay hands events: Dapr pub/sub, or the Embedded in-process delivery.</summary>
public interface IEventBroker
{
    Task PublishAsync(OutboxMessage message, CancellationToken ct);
}
