using Npgsql;

namespace GamesDrop.BuildingBlocks.PubSub;

/// <summary>
/// Publishes an integration event. The event is written to the outbox, in <paramref name="transaction"/>
/// when given so it exists exactly when the change does, and relayed to the broker after commit.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync<T>(string topic, T data, NpgsqlTransaction? transaction = null, CancellationToken ct = default)
        where T : notnull;
}
