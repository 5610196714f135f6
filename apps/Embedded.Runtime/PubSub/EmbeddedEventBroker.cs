using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.PubSub;

/// <summary>
/// Embedded profile: fans events out to one delivery row per subscribed route, a whole batch in one
/// statement; the <see cref="DeliveryWorker"/> delivers each. Fan-out is idempotent, so a relay that repeats
/// is harmless.
/// </summary>
internal sealed class EmbeddedEventBroker(NpgsqlDataSource db, TopicSubscriptions subscriptions, DeliveryWorker worker) : IEventBroker
{
    public async Task<BrokerResult> PublishAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var all = await subscriptions.LoadedAsync(ct);
        var rows = messages
            .SelectMany(m => all.Where(s => s.PubsubName == m.PubsubName && s.Topic == m.Topic).Select(s => (m.Id, s.Route, s.DeadLetterTopic)))
            .ToList();
        if (rows.Count == 0)
        {
            return new BrokerResult(messages.Count, null);
        }
        try
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(DeliverySql.InsertMany, new
            {
                MessageIds = rows.Select(r => r.Id).ToArray(),
                Routes = rows.Select(r => r.Route).ToArray(),
                DeadLetterTopics = rows.Select(r => r.DeadLetterTopic).ToArray(),
            }, cancellationToken: ct));
        }
        catch (NpgsqlException e)
        {
            return new BrokerResult(0, e);
        }
        worker.Signal();
        return new BrokerResult(messages.Count, null);
    }
}
