using GamesDrop.Notifier.Features.Deliveries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Notifier.Features.Telegram;

internal static class TelegramAlerts
{
    /// <summary>Queues the event's alert and answers the delivery at once; the dispatcher sends it.</summary>
    public static async Task<Ok> QueueAsync(string eventId, TelegramMessage message, string summary, NotificationOutbox outbox, CancellationToken ct)
    {
        await outbox.EnqueueAsync(eventId, Channels.Telegram, summary, message, ct);
        return TypedResults.Ok();
    }
}
