using System.Collections.Concurrent;
using System.Threading.Channels;
using GamesDrop.Sandbox.Features.Faults;

namespace GamesDrop.Sandbox.Webhooks;

/// <summary>Pushes waiting to be sent, and the outcome of the latest ones; the partner's webhook faults apply here.</summary>
internal sealed class WebhookQueue(FaultSwitches faults, Scheduler scheduler)
{
    private const int LogSize = 500;
    private readonly Channel<WebhookMessage> _pending = Channel.CreateUnbounded<WebhookMessage>();
    private readonly ConcurrentQueue<WebhookDelivery> _log = new();

    public ChannelReader<WebhookMessage> Pending => _pending.Reader;

    public IReadOnlyList<WebhookDelivery> Log => [.. _log];

    /// <summary>Queues a push; with no usable target URL (none configured, a bad <c>cb_url</c>) it goes nowhere, as it would.</summary>
    public void Push(string partner, string eventName, string? url, byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            return;
        }
        var message = new WebhookMessage(partner, eventName, target, body, headers);
        var settings = faults.For(partner);
        var copies = settings.DuplicateWebhooks ? 2 : 1;
        if (settings.WebhookDelaySeconds > 0)
        {
            scheduler.After(TimeSpan.FromSeconds(settings.WebhookDelaySeconds), () => Send(message, copies));
        }
        else
        {
            Send(message, copies);
        }
    }

    public void Record(WebhookDelivery delivery)
    {
        _log.Enqueue(delivery);
        while (_log.Count > LogSize && _log.TryDequeue(out _))
        {
        }
    }

    private void Send(WebhookMessage message, int copies)
    {
        for (var i = 0; i < copies; i++)
        {
            _pending.Writer.TryWrite(message);
        }
    }
}
