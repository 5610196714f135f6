using System.Text.Json;
using Dapr.Client;

namespace GamesDrop.BuildingBlocks.PubSub.Dapr;

/// <summary>Dapr profile: the sidecar's pub/sub, keeping the outbox id as the CloudEvent id for dedupe.</summary>
internal sealed class DaprEventBroker(DaprClient dapr) : IEventBroker
{
    public async Task<BrokerResult> PublishAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await PublishAsync(messages[i], ct);
            }
            catch (Exception e) when (e is global::Dapr.DaprException or HttpRequestException)
            {
                return new BrokerResult(i, e);
            }
        }
        return new BrokerResult(messages.Count, null);
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken ct)
    {
        using var data = JsonDocument.Parse(message.Data);
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = message.Id.ToString(),
            ["cloudevent.source"] = message.Source,
        };
        if (message.TraceParent is { } traceParent)
        {
            metadata["cloudevent.traceparent"] = traceParent;
        }
        await dapr.PublishEventAsync(message.PubsubName, message.Topic, data.RootElement, metadata, ct);
    }
}
