using Npgsql;

namespace GamesDrop.BuildingBlocks.PubSub;

/// <summary>
/// Publishes integration events. An event is written to the outbox, in <paramref name="transaction"/>
/// when given so it exists exactly when the change does, and relayed to the broker after commit.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync<T>(string topic, T data, NpgsqlTransaction? transaction = null, CancellationToken ct = default)
        where T : notnull;

    /// <summary>Many events of one topic in one statement, for changes that touch many rows at once.</summary>
    Task PublishManyAsync<T>(string topic, IReadOnlyCollection<T> events, NpgsqlTransaction transaction, CancellationToken ct = default)
        where T : notnull;
}
