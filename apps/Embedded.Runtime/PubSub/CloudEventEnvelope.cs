using System.Text;
using System.Text.Json;

namespace GamesDrop.Embedded.Runtime.PubSub;

/// <summary>The CloudEvents 1.0 envelope daprd wraps around a published event, with Dapr's extension attributes.</summary>
public static class CloudEventEnvelope
{
    public const string ContentType = "application/cloudevents+json";

    public static byte[] Create(Guid id, string source, string pubsubName, string topic, string data, string? traceParent, DateTime createdAt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", "1.0");
            json.WriteString("id", id.ToString());
            json.WriteString("source", source);
            json.WriteString("type", "com.dapr.event.sent");
            json.WriteString("topic", topic);
            json.WriteString("pubsubname", pubsubName);
            json.WriteString("datacontenttype", "application/json");
            json.WriteString("time", DateTime.SpecifyKind(createdAt, DateTimeKind.Utc).ToString("O"));
            json.WriteString("traceid", traceParent ?? "");
            json.WriteString("traceparent", traceParent ?? "");
            json.WriteString("tracestate", "");
            json.WritePropertyName("data");
            json.WriteRawValue(Encoding.UTF8.GetBytes(data));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
