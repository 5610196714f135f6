using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// <c>POST /v1/notifications/verify-webhook-signature</c>: SUCCESS only for a push this sandbox signed and sent, with its
/// transmission headers and the event unchanged, for this app's webhook id; FAILURE for anything else.
/// </summary>
internal static class WebhookVerification
{
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";

    public static Results<JsonHttpResult<VerifyReply>, JsonHttpResult<PayPalError>> Verify(
        VerifyBody? body, PayPalWebhooks webhooks, PayPalOptions options)
    {
        if (body is null)
        {
            return PayPalError.Malformed().ToResult();
        }
        if (body.Missing() is { } field)
        {
            return PayPalError.Missing($"/{field}").ToResult();
        }
        var sent = webhooks.Sent(body.TransmissionId!);
        var genuine = sent is not null
            && body.AuthAlgo == PayPalSigner.Algorithm
            && body.CertUrl == sent.CertUrl
            && body.TransmissionSig == sent.Signature
            && body.TransmissionTime == sent.TransmissionTime
            && body.WebhookId == options.WebhookId
            && JsonElement.DeepEquals(body.WebhookEvent!.Value, sent.Event);
        return TypedResults.Json(new VerifyReply(genuine ? Success : Failure), PayPalJson.Options);
    }
}

/// <summary>The PAYPAL-* headers of a push, the webhook id it was meant for, and the event as received.</summary>
internal sealed record VerifyBody(
    string? AuthAlgo, string? CertUrl, string? TransmissionId, string? TransmissionSig, string? TransmissionTime, string? WebhookId,
    JsonElement? WebhookEvent)
{
    public static ValueTask<VerifyBody?> BindAsync(HttpContext http) => PayPalJson.ReadBodyAsync<VerifyBody>(http);

    public string? Missing() =>
        AuthAlgo is null ? "auth_algo"
        : CertUrl is null ? "cert_url"
        : TransmissionId is null ? "transmission_id"
        : TransmissionSig is null ? "transmission_sig"
        : TransmissionTime is null ? "transmission_time"
        : WebhookId is null ? "webhook_id"
        : WebhookEvent is not { ValueKind: JsonValueKind.Object } ? "webhook_event"
        : null;
}

internal sealed record VerifyReply(string VerificationStatus);
