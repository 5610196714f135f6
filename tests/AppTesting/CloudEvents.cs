using System.Net.Http.Headers;
using System.Text.Json;
using GamesDrop.Embedded.Runtime.PubSub;
using GamesDrop.Contracts;

namespace GamesDrop.AppTesting;

/// <summary>Delivers an event to a subscriber as daprd does: a CloudEvent with its id, possibly more than once.</summary>
public static class CloudEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<HttpResponseMessage> DeliverAsync(this EmbeddedApp app, string route, string topic, string eventId, object data)
    {
        using var client = app.InternalClient();
        var content = new ByteArrayContent(CloudEventEnvelope.Create(
            Guid.TryParse(eventId, out var id) ? id : throw new ArgumentException("CloudEvent ids here are GUIDs.", nameof(eventId)),
            AppIds.Kernel, DaprComponents.PubSub, topic, JsonSerializer.Serialize(data, Json), null, DateTime.UtcNow));
        content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventEnvelope.ContentType);
        return await client.PostAsync(route, content);
    }
}
