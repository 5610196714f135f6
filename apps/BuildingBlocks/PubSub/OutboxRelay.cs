using Dapper;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.BuildingBlocks.PubSub;

/// <summary>
/// Moves committed outbox rows to the broker in order, retrying with backoff. Woken by NOTIFY on commit,
/// and by a short poll so rows due for a retry, or written while it was down, are not left behind.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource db, IEventBroker broker, HostIdentity host, ILogger<OutboxRelay> logger) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly WakeUp _wakeUp = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await RelayBatchAsync(stoppingToken);
                if (DateTimeOffset.UtcNow - lastPurge > TimeSpan.FromHours(1))
                {
                    await using var connection = await db.OpenConnectionAsync(stoppingToken);
                    await connection.ExecuteAsync(OutboxSql.Purge);
                    lastPurge = DateTimeOffset.UtcNow;
                }
                if (relayed == BatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (BackgroundFailures.IsFailure(e, stoppingToken))
            {
                BackgroundFailures.Record("outbox-relay");
                LogRelayFailed(e);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            await WaitQuietly(_wakeUp.WaitAsync(PollInterval, stoppingToken));
        }
        await WaitQuietly(listening);
    }

    internal async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var batch = (await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            OutboxSql.ClaimPending, new { Source = host.Id, Limit = BatchSize }, transaction, cancellationToken: ct))).ToList();
        if (batch.Count > 0)
        {
            var result = await broker.PublishAsync(batch, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                OutboxSql.MarkRelayed, new { Ids = batch.Take(result.Published).Select(m => m.Id).ToArray() }, transaction, cancellationToken: ct));
            if (result.Failure is { } failure)
            {
                // The failed one waits for its retry; the ones after it are taken on the next pass.
                var failed = batch[result.Published];
                LogPublishFailed(failure, failed.Topic, failed.Id);
                await connection.ExecuteAsync(new CommandDefinition(
                    OutboxSql.MarkFailed, new { failed.Id, Error = failure.Message }, transaction, cancellationToken: ct));
            }
        }
        await transaction.CommitAsync(ct);
        return batch.Count;
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload == host.Id)
                    {
                        _wakeUp.Set();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxSql.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (Exception e) when (BackgroundFailures.IsFailure(e, ct))
            {
                BackgroundFailures.Record("outbox-listen");
                LogListenFailed(e);
                await WaitQuietly(Task.Delay(PollInterval, ct));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task WaitQuietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay pass failed; retrying")]
    private partial void LogRelayFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Topic} event {EventId} failed; will retry")]
    private partial void LogPublishFailed(Exception e, string topic, Guid eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection lost; reconnecting")]
    private partial void LogListenFailed(Exception e);
}
