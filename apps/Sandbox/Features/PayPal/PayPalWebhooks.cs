using System.Collections.Concurrent;
using System.Text.Json;
using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.Sandbox.Webhooks;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// PayPal's pushes: the event envelope <c>{id:"WH-…",event_type,resource_type,resource,create_time}</c>, signed, with
/// the PAYPAL-* transmission headers. Every push sent is remembered, so verify-webhook-signature can tell it from a forgery.
/// </summary>
internal sealed class PayPalWebhooks(WebhookQueue queue, PayPalSigner signer, PayPalOptions options, TimeProvider clock)
{
    public const string OrderApprovedEvent = "CHECKOUT.ORDER.APPROVED";
    public const string CaptureCompletedEvent = "PAYMENT.CAPTURE.COMPLETED";
    public const string CaptureRefundedEvent = "PAYMENT.CAPTURE.REFUNDED";
    public const string AuthorizationCreatedEvent = "PAYMENT.AUTHORIZATION.CREATED";
    public const string AuthorizationVoidedEvent = "PAYMENT.AUTHORIZATION.VOIDED";

    private readonly ConcurrentDictionary<string, SentWebhook> _sent = new();

    public void OrderApproved(OrderView order, PayPalLinks links) =>
        Push(OrderApprovedEvent, "checkout-order", $"An order has been approved by buyer", order, links);

    public void CaptureCompleted(CaptureView capture, PayPalLinks links) =>
        Push(CaptureCompletedEvent, "capture", $"Payment completed for {capture.Amount.Value} {capture.Amount.CurrencyCode}", capture, links);

    public void CaptureRefunded(RefundView refund, PayPalLinks links) =>
        Push(CaptureRefundedEvent, "refund", $"A {refund.Amount.Value} {refund.Amount.CurrencyCode} capture payment was refunded", refund, links);

    public void AuthorizationCreated(AuthorizationView authorization, PayPalLinks links) =>
        Push(AuthorizationCreatedEvent, "authorization", $"A payment authorization was created", authorization, links);

    public void AuthorizationVoided(AuthorizationView authorization, PayPalLinks links) =>
        Push(AuthorizationVoidedEvent, "authorization", $"A payment authorization was voided", authorization, links);

    /// <summary>The push sent with this transmission id, if this sandbox sent one.</summary>
    public SentWebhook? Sent(string transmissionId) => _sent.GetValueOrDefault(transmissionId);

    private void Push<T>(string eventType, string resourceType, string summary, T resource, PayPalLinks links)
    {
        var id = "WH-" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant();
        var now = PayPalViews.Time(clock.Now());
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookEvent<T>(id, "1.0", now, resourceType, "2.0", eventType, summary, resource,
            [new LinkView($"{links.Base}/v1/notifications/webhooks-events/{id}", "self", "GET")]), PayPalJson.Options);
        var transmissionId = Guid.NewGuid().ToString();
        var signature = signer.Sign(transmissionId, now, options.WebhookId, body);
        var headers = new Dictionary<string, string>
        {
            ["PAYPAL-TRANSMISSION-ID"] = transmissionId,
            ["PAYPAL-TRANSMISSION-TIME"] = now,
            ["PAYPAL-TRANSMISSION-SIG"] = signature,
            ["PAYPAL-CERT-URL"] = links.Certificate,
            ["PAYPAL-AUTH-ALGO"] = PayPalSigner.Algorithm,
            ["User-Agent"] = "PayPal/AUHD-214.0-58843621",
        };
        _sent[transmissionId] = new SentWebhook(transmissionId, now, signature, links.Certificate, JsonDocument.Parse(body).RootElement.Clone());
        queue.Push(Partners.PayPal, eventType, options.WebhookUrl, body, headers);
    }
}

/// <summary>What was pushed under one transmission id: the headers' values and the event exactly as sent.</summary>
internal sealed record SentWebhook(string TransmissionId, string TransmissionTime, string Signature, string CertUrl, JsonElement Event);

internal sealed record WebhookEvent<T>(
    string Id, string EventVersion, string CreateTime, string ResourceType, string ResourceVersion, string EventType, string Summary,
    T Resource, LinkView[] Links);
