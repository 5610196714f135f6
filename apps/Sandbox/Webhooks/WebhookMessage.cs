namespace GamesDrop.Sandbox.Webhooks;

/// <summary>One push as it goes on the wire: the exact body bytes (signatures cover them) and the partner's headers.</summary>
internal sealed record WebhookMessage(string Partner, string Event, Uri Url, byte[] Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>What became of a push, for <c>GET /_sandbox/webhooks</c>.</summary>
internal sealed record WebhookDelivery(string Partner, string Event, string Url, int Attempts, int? LastStatus, bool Delivered, DateTimeOffset At);
