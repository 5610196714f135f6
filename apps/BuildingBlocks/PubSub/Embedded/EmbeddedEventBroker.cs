using Dapper;
using GamesDrop.BuildingBlocks.Hosting;
using Npgsql;

namespace GamesDrop.BuildingBlocks.PubSub.Embedded;

/// <summary>
/// Embedded profile: fans an event out to one delivery row per subscribed route; the
/// <see cref="DeliveryWorker"/> delivers each. Fan-out is idempotent, so a relay that repeats is harmless.
/// </summary>
internal sealed class EmbeddedEventBroker(NpgsqlDataSource db, TopicSubscriptions subscriptions, DeliveryWorker worker) : IEventBroker
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        var rows = subscriptions.For(message.PubsubName, message.Topic)
            .Select(s => new { MessageId = message.Id, s.Route, s.DeadLetterTopic })
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeliverySql.Insert, rows, cancellationToken: ct));
        worker.Signal();
    }
}
