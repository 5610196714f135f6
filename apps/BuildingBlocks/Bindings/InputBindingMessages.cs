using System.Security.Cryptography;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Bindings;

/// <summary>
/// Keeps a queue input binding from looping on a message that can never succeed. components-contrib bindings.rabbitmq
/// Nacks any non-2xx reply with requeue, so daprd hands the same message back at once, for ever. The consumer therefore
/// acknowledges what it parks: a message it can never handle (<see cref="ParkAsync"/>) at once, one that keeps failing
/// (<see cref="FailedAsync"/>) after <see cref="MaxAttempts"/> tries. Parked messages go to <c>messaging.dead_letters</c>,
/// beside dead pub/sub events. The same code runs in both profiles.
/// </summary>
public sealed partial class InputBindingMessages(NpgsqlDataSource db, ILogger<InputBindingMessages> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>A message's identity: the digest of its body, so a redelivered copy counts against the same message.</summary>
    public static Guid IdOf(string body) => new(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)).AsSpan(0, 16));

    /// <summary>Parks a message that can never be handled; the caller then acknowledges it.</summary>
    public async Task ParkAsync(string binding, string body, string reason, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await RecordAsync(connection, binding, IdOf(body), body, 1, reason, ct);
    }

    /// <summary>Counts a failed try; true when the message has now been parked and should be acknowledged.</summary>
    public async Task<bool> FailedAsync(string binding, string body, Exception error, CancellationToken ct)
    {
        var id = IdOf(body);
        await using var connection = await db.OpenConnectionAsync(ct);
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            InputBindingSql.CountFailure, new { Binding = binding, MessageId = id, Error = error.Message }, cancellationToken: ct));
        if (attempts < MaxAttempts)
        {
            LogWillRequeue(error, binding, id, attempts);
            return false;
        }
        await RecordAsync(connection, binding, id, body, attempts, error.Message, ct);
        await connection.ExecuteAsync(new CommandDefinition(InputBindingSql.Forget, new { Binding = binding, MessageId = id }, cancellationToken: ct));
        return true;
    }

    private async Task RecordAsync(NpgsqlConnection connection, string binding, Guid id, string body, int attempts, string reason, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(DeadLetterSql.Record, new
        {
            MessageId = id, PubsubName = binding, Topic = binding, Route = "/" + binding,
            Data = System.Text.Json.JsonSerializer.Serialize(body), Attempts = attempts, Error = reason,
        }, cancellationToken: ct));
        LogParked(binding, id, attempts, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling {Binding} message {MessageId} failed (try {Attempts}); it is requeued")]
    private partial void LogWillRequeue(Exception e, string binding, Guid messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parked {Binding} message {MessageId} in messaging.dead_letters after {Attempts} tries: {Reason}")]
    private partial void LogParked(string binding, Guid messageId, int attempts, string reason);
}
