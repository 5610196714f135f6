namespace GamesDrop.BuildingBlocks.PubSub;

/// <summary>An event as the outbox stores it; <see cref="Data"/> is its JSON.</summary>
public sealed record OutboxMessage(
    Guid Id, string Source, string PubsubName, string Topic, string Data, string? TraceParent, DateTime CreatedAt);
