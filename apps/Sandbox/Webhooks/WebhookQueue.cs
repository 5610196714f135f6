using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GamesDrop.Sandbox.Webhooks;

/// <summary>Pushes waiting to be sent, and the outcome of the latest ones.</summary>
internal sealed class WebhookQueue
{
    private const int LogSize = 500;
    private readonly Channel<WebhookMessage> _pending = Channel.CreateUnbounded<WebhookMessage>();
    private readonly ConcurrentQueue<WebhookDelivery> _log = new();

    public ChannelReader<WebhookMessage> Pending => _pending.Reader;

    public IReadOnlyList<WebhookDelivery> Log => [.. _log];

    /// <summary>Queues a push; with no usable target URL (none configured, a bad <c>cb_url</c>) it goes nowhere, as it would.</summary>
    public void Push(string partner, string eventName, string? url, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            _pending.Writer.TryWrite(new WebhookMessage(partner, eventName, target, body, headers));
        }
    }

    public void Record(WebhookDelivery delivery)
    {
        _log.Enqueue(delivery);
        while (_log.Count > LogSize && _log.TryDequeue(out _))
        {
        }
    }
}
