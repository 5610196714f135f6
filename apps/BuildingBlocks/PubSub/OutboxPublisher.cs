using System.Diagnostics;
using System.Text.Json;
using Dapper;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using Npgsql;

namespace GamesDrop.BuildingBlocks.PubSub;

internal sealed class OutboxPublisher(NpgsqlDataSource db, HostIdentity host) : IEventPublisher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PublishAsync<T>(string topic, T data, NpgsqlTransaction? transaction = null, CancellationToken ct = default)
        where T : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var row = new
        {
            Id = Guid.CreateVersion7(),
            Source = host.Id,
            PubsubName = DaprComponents.PubSub,
            Topic = topic,
            Data = JsonSerializer.Serialize(data, Json),
            TraceParent = Activity.Current?.Id,
        };
        if (transaction is not null)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(OutboxSql.Enqueue, row, transaction, cancellationToken: ct));
            return;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(OutboxSql.Enqueue, row, cancellationToken: ct));
    }

    public async Task PublishManyAsync<T>(string topic, IReadOnlyCollection<T> events, NpgsqlTransaction transaction, CancellationToken ct = default)
        where T : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        if (events.Count == 0)
        {
            return;
        }
        var rows = new
        {
            Ids = events.Select(_ => Guid.CreateVersion7()).ToArray(),
            Source = host.Id,
            PubsubName = DaprComponents.PubSub,
            Topic = topic,
            Data = events.Select(e => JsonSerializer.Serialize(e, Json)).ToArray(),
            TraceParent = Activity.Current?.Id,
        };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(OutboxSql.EnqueueMany, rows, transaction, cancellationToken: ct));
    }
}
