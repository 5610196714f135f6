using Microsoft.Extensions.DependencyInjection;
using GamesDrop.Contracts;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace GamesDrop.Notifier.Features.Deliveries;

/// <summary>
/// Queues the messages an event gives, sealed, at most one per channel per CloudEvent id; the dispatcher sends them. An
/// event handler thus answers at once, whatever Telegram, Google or the mail server are doing.
/// </summary>
public sealed class NotificationOutbox([FromKeyedServices(AppIds.Notifier)] NpgsqlDataSource db, PayloadCipher cipher, IEnumerable<INotificationChannel> channels, DeliveryDispatcher dispatcher)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="summary">What the message is, for the list of undelivered ones: never a link or a secret.</param>
    public async Task EnqueueAsync<T>(string eventId, string channel, string summary, T payload, CancellationToken ct)
    {
        if (!channels.Any(c => c.Name == channel && c.Enabled))
        {
            return;
        }
        var sealedPayload = await cipher.SealAsync(JsonSerializer.Serialize(payload, Json), ct);
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeliveriesSql.Enqueue,
            new { EventId = eventId, Channel = channel, Summary = summary, Payload = sealedPayload }, cancellationToken: ct));
        dispatcher.Wake(channel);
    }

    public static T Read<T>(string payload) => JsonSerializer.Deserialize<T>(payload, Json)!;
}
