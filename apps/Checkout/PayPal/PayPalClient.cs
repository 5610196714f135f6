using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Checkout.PayPal;

/// <summary>
/// PayPal Orders v2 and Payments v2 over the <c>paypal-api</c> HTTPEndpoint. Every write carries a PayPal-Request-Id made
/// from our own ids, so a call repeated after a timeout (by us, or by the sidecar's retry policy) answers with the
/// first result instead of doing it twice.
/// </summary>
public sealed partial class PayPalClient(HttpClient http, [FromKeyedServices(AppIds.Checkout)] ISecretStore secrets, PayPalTokenCache tokens, ILogger<PayPalClient> logger)
{
    public const string EndpointName = "paypal-api";
    public const string ClientIdSecret = "paypal-client-id";
    public const string ClientSecretSecret = "paypal-client-secret";
    public const string WebhookIdSecret = "paypal-webhook-id";
    public const string BrandName = "GamesDrop";
    private const int MaxTextLength = 127;
    private static readonly string[] WebhookHeaders =
        ["PAYPAL-AUTH-ALGO", "PAYPAL-CERT-URL", "PAYPAL-TRANSMISSION-ID", "PAYPAL-TRANSMISSION-SIG", "PAYPAL-TRANSMISSION-TIME"];

    /// <summary>
    /// Creates the PayPal order for our order: custom_id = our order id, invoice_id = our order number, redirect URLs in
    /// experience_context, so the buyer gets the payer-action link. Repeating it for the same order returns the same PayPal order.
    /// </summary>
    /// <param name="authorizeOnly">Intent AUTHORIZE: approval leads to <see cref="AuthorizeOrderAsync"/>, which holds the money
    /// without taking it (a held order); otherwise intent CAPTURE.</param>
    public async Task<PayPalCreatedOrder> CreateOrderAsync(Guid orderId, string orderNumber, decimal amount, string currency,
        string returnUrl, string cancelUrl, string description, bool authorizeOnly = false, CancellationToken ct = default)
    {
        var request = new CreateOrderRequest(authorizeOnly ? "AUTHORIZE" : "CAPTURE",
            [new PurchaseUnitRequest(orderId.ToString("D"), PayPalMoney.Of(amount, currency), Truncate(description), orderId.ToString("D"), orderNumber)],
            new PaymentSourceRequest(new WalletRequest(new ExperienceContext(returnUrl, cancelUrl, BrandName, "NO_SHIPPING", "PAY_NOW"))));
        var order = await SendAsync<PayPalOrder>(HttpMethod.Post, "v2/checkout/orders", Json(request), $"create-{orderId:D}", ct);
        return new PayPalCreatedOrder(order.Id, order.Status,
            order.ApproveUrl ?? throw new PayPalException(200, "NO_APPROVE_LINK", null, null, $"Order {order.Id} came back without an approve link."));
    }

    public Task<PayPalOrder> GetOrderAsync(string payPalOrderId, CancellationToken ct = default) =>
        SendAsync<PayPalOrder>(HttpMethod.Get, $"v2/checkout/orders/{Uri.EscapeDataString(payPalOrderId)}", null, null, ct);

    /// <summary>
    /// Takes the money. Safe to repeat: the same PayPal-Request-Id replays the capture, and an order captured before
    /// (ORDER_ALREADY_CAPTURED) is read back with its capture. A refusal by the buyer's bank is a Declined result.
    /// </summary>
    /// <exception cref="PayPalException">Anything else, e.g. ORDER_NOT_APPROVED or PayPal unavailable.</exception>
    public async Task<PayPalCaptureResult> CaptureOrderAsync(string payPalOrderId, Guid orderId, CancellationToken ct = default)
    {
        var path = $"v2/checkout/orders/{Uri.EscapeDataString(payPalOrderId)}/capture";
        PayPalOrder order;
        try
        {
            order = await SendAsync<PayPalOrder>(HttpMethod.Post, path, Json(new { }), $"capture-{orderId:D}", ct);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.OrderAlreadyCaptured)
        {
            LogAlreadyCaptured(payPalOrderId);
            order = await GetOrderAsync(payPalOrderId, ct);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.InstrumentDeclined)
        {
            LogDeclined(payPalOrderId, e.Issue, e.DebugId);
            return new PayPalCaptureResult(PayPalCaptureOutcome.Declined, payPalOrderId, null, e.Issue);
        }
        var capture = order.Captures.FirstOrDefault() ?? (await GetOrderAsync(payPalOrderId, ct)).Captures.FirstOrDefault()
            ?? throw new PayPalException(200, "NO_CAPTURE", null, null, $"Order {payPalOrderId} is {order.Status} but has no capture.");
        return capture.Status switch
        {
            "PENDING" => new PayPalCaptureResult(PayPalCaptureOutcome.Pending, payPalOrderId, capture, null),
            "DECLINED" or "FAILED" => new PayPalCaptureResult(PayPalCaptureOutcome.Declined, payPalOrderId, capture, capture.StatusDetails?.Reason ?? capture.Status),
            _ => new PayPalCaptureResult(PayPalCaptureOutcome.Completed, payPalOrderId, capture, null),
        };
    }

    /// <summary>
    /// Holds the approved AUTHORIZE order's money. Safe to repeat: the request id replays it, and an order authorised before
    /// (ORDER_ALREADY_AUTHORIZED) is read back. Null when the buyer's funding source refused (INSTRUMENT_DECLINED).
    /// </summary>
    /// <exception cref="PayPalException">Anything else, e.g. ORDER_NOT_APPROVED or PayPal unavailable.</exception>
    public async Task<PayPalAuthorization?> AuthorizeOrderAsync(string payPalOrderId, Guid orderId, CancellationToken ct = default)
    {
        PayPalOrder order;
        try
        {
            order = await SendAsync<PayPalOrder>(HttpMethod.Post, $"v2/checkout/orders/{Uri.EscapeDataString(payPalOrderId)}/authorize",
                Json(new { }), $"authorize-{orderId:D}", ct);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.OrderAlreadyAuthorized)
        {
            order = await GetOrderAsync(payPalOrderId, ct);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.InstrumentDeclined)
        {
            LogDeclined(payPalOrderId, e.Issue, e.DebugId);
            return null;
        }
        return order.Authorizations.FirstOrDefault() ?? (await GetOrderAsync(payPalOrderId, ct)).Authorizations.FirstOrDefault()
            ?? throw new PayPalException(200, "NO_AUTHORIZATION", null, null, $"Order {payPalOrderId} is {order.Status} but has no authorization.");
    }

    /// <summary>
    /// Takes the authorised money, at most once: the request id replays the first capture, and an authorization captured
    /// before is read back from its order.
    /// </summary>
    public async Task<PayPalCapture> CaptureAuthorizationAsync(string authorizationId, string payPalOrderId, Guid orderId, CancellationToken ct = default)
    {
        try
        {
            return await SendAsync<PayPalCapture>(HttpMethod.Post, $"v2/payments/authorizations/{Uri.EscapeDataString(authorizationId)}/capture",
                Json(new { final_capture = true }), $"capture-{orderId:D}", ct);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.AuthorizationAlreadyCaptured)
        {
            LogAlreadyCaptured(payPalOrderId);
            return (await GetOrderAsync(payPalOrderId, ct)).Captures.FirstOrDefault()
                ?? throw new PayPalException(200, "NO_CAPTURE", null, null, $"Authorization {authorizationId} is captured but its order shows no capture.");
        }
    }

    /// <summary>Releases the authorised money; repeating it, or voiding one voided before, changes nothing.</summary>
    /// <exception cref="PayPalException">E.g. AUTHORIZATION_ALREADY_CAPTURED: the money was taken and must be refunded instead.</exception>
    public async Task VoidAuthorizationAsync(string authorizationId, Guid orderId, CancellationToken ct = default)
    {
        try
        {
            await SendAsync<PayPalAuthorization>(HttpMethod.Post, $"v2/payments/authorizations/{Uri.EscapeDataString(authorizationId)}/void",
                null, $"void-{orderId:D}", ct);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.AuthorizationVoided)
        {
            LogAlreadyVoided(authorizationId);
        }
    }

    public Task<PayPalAuthorization> GetAuthorizationAsync(string authorizationId, CancellationToken ct = default) =>
        SendAsync<PayPalAuthorization>(HttpMethod.Get, $"v2/payments/authorizations/{Uri.EscapeDataString(authorizationId)}", null, null, ct);

    /// <param name="requestId">Ours, one per refund (e.g. our refund id): a repeat returns the first refund, never a second.</param>
    /// <param name="customId">Travels on the refund and its PAYMENT.CAPTURE.REFUNDED webhook (the capture's when null).</param>
    public Task<PayPalRefund> RefundCaptureAsync(
        string captureId, decimal amount, string currency, string requestId, string? customId = null, CancellationToken ct = default) =>
        SendAsync<PayPalRefund>(HttpMethod.Post, $"v2/payments/captures/{Uri.EscapeDataString(captureId)}/refund",
            Json(new RefundRequest(PayPalMoney.Of(amount, currency), customId)), requestId, ct);

    /// <summary>
    /// Asks PayPal whether a received webhook is genuine: the PAYPAL-* headers, our webhook id and the event exactly as
    /// received (the raw body is passed through, never re-serialized). Missing headers or a body that is not JSON fail without a call.
    /// </summary>
    public async Task<bool> VerifyWebhookSignatureAsync(IHeaderDictionary headers, string rawBody, string webhookId, CancellationToken ct = default)
    {
        var values = WebhookHeaders.Select(h => headers.TryGetValue(h, out var v) ? v.ToString() : "").ToArray();
        if (values.Any(string.IsNullOrEmpty))
        {
            LogUnsignedWebhook();
            return false;
        }
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("auth_algo", values[0]);
            writer.WriteString("cert_url", values[1]);
            writer.WriteString("transmission_id", values[2]);
            writer.WriteString("transmission_sig", values[3]);
            writer.WriteString("transmission_time", values[4]);
            writer.WriteString("webhook_id", webhookId);
            writer.WritePropertyName("webhook_event");
            try
            {
                writer.WriteRawValue(rawBody);
            }
            catch (JsonException)
            {
                LogUnsignedWebhook();
                return false;
            }
            writer.WriteEndObject();
        }
        var content = new ByteArrayContent(body.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        var reply = await SendAsync<VerifyReply>(HttpMethod.Post, "v1/notifications/verify-webhook-signature", content, null, ct);
        return reply.VerificationStatus == "SUCCESS";
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string? requestId, CancellationToken ct)
    {
        // A 401 with a cached token means PayPal no longer takes it; one more try with a fresh one.
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(FetchTokenAsync, ct);
            using var request = new HttpRequestMessage(method, path) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("Prefer", "return=representation");
            if (requestId is not null)
            {
                request.Headers.Add("PayPal-Request-Id", requestId);
            }
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                tokens.Invalidate(token);
                content = await CopyAsync(content, ct);
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw await PayPalException.ReadAsync(response, ct);
            }
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                // A void answers 204 when PayPal ignores the Prefer header; there is nothing more to read.
                return default!;
            }
            return await response.Content.ReadFromJsonAsync<T>(PayPalJson.Options, ct)
                ?? throw new PayPalException((int)response.StatusCode, "EMPTY_REPLY", null, null, $"{method} {path} came back empty.");
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken ct)
    {
        var id = await secrets.GetAsync(ClientIdSecret, ct);
        var secret = await secrets.GetAsync(ClientSecretSecret, ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await PayPalException.ReadAsync(response, ct);
        }
        var reply = await response.Content.ReadFromJsonAsync<TokenReply>(PayPalJson.Options, ct)
            ?? throw new PayPalException((int)response.StatusCode, "EMPTY_REPLY", null, null, "The token call came back empty.");
        LogTokenFetched(reply.ExpiresIn);
        return (reply.AccessToken, TimeSpan.FromSeconds(reply.ExpiresIn));
    }

    private static JsonContent Json<T>(T body) => JsonContent.Create(body, options: PayPalJson.Options);

    /// <summary>A sent request's content is disposed with it; the retry needs its own copy.</summary>
    private static async Task<HttpContent?> CopyAsync(HttpContent? content, CancellationToken ct)
    {
        if (content is null)
        {
            return null;
        }
        var copy = new ByteArrayContent(await content.ReadAsByteArrayAsync(ct));
        copy.Headers.ContentType = content.Headers.ContentType;
        return copy;
    }

    private static string Truncate(string text) => text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "PayPal access token fetched, valid for {ExpiresIn} s")]
    private partial void LogTokenFetched(int expiresIn);

    [LoggerMessage(Level = LogLevel.Information, Message = "PayPal order {PayPalOrderId} was captured before; reading its capture")]
    private partial void LogAlreadyCaptured(string payPalOrderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "PayPal authorization {AuthorizationId} was voided before")]
    private partial void LogAlreadyVoided(string authorizationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PayPal declined the capture of order {PayPalOrderId}: {Issue} (debug id {DebugId})")]
    private partial void LogDeclined(string payPalOrderId, string? issue, string? debugId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PayPal webhook without its PAYPAL-* headers or with a body that is not JSON; not verified")]
    private partial void LogUnsignedWebhook();
}
