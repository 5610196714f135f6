using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamesDrop.TestSupport;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

/// <summary>Calls the PayPal simulator as a merchant would, in snake_case JSON by field names; the token is fetched once.</summary>
public sealed class PayPalCalls(HttpClient http)
{
    public const string ReturnUrl = "https://store.test/checkout/return?order=1";
    public const string CancelUrl = "https://store.test/checkout/cancel";

    public HttpClient Http => http;

    public static AuthenticationHeaderValue Basic(string id = SandboxApplication.PayPalClientId, string secret = SandboxApplication.PayPalSecret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));

    public async Task<HttpResponseMessage> RequestTokenAsync(AuthenticationHeaderValue? auth, string? grantType = "client_credentials")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/paypal/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent(grantType is null ? [] : [new("grant_type", grantType)]),
        };
        request.Headers.Authorization = auth;
        return await http.SendAsync(request);
    }

    public async Task<string> TokenAsync()
    {
        if (http.DefaultRequestHeaders.Authorization is { Scheme: "Bearer" } bearer)
        {
            return bearer.Parameter!;
        }
        using var response = await RequestTokenAsync(Basic());
        var token = (await response.JsonAsync()).GetProperty("access_token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return token;
    }

    /// <summary>An order of <paramref name="value"/> EUR; redirect URLs in experience_context unless <paramref name="legacy"/>.</summary>
    public static object OrderBody(string value = "10.00", string invoiceId = "GD-1001", string customId = "order-1", bool legacy = false,
        string? description = "Elden Ring (Steam)", string intent = "CAPTURE")
    {
        var context = new { return_url = ReturnUrl, cancel_url = CancelUrl, brand_name = "GamesDrop", shipping_preference = "NO_SHIPPING", user_action = "PAY_NOW" };
        var units = new[] { new { reference_id = "default", amount = new { currency_code = "EUR", value }, description, custom_id = customId, invoice_id = invoiceId } };
        return legacy
            ? new { intent, purchase_units = units, application_context = context }
            : new { intent, purchase_units = units, payment_source = new { paypal = new { experience_context = context } } };
    }

    public async Task<HttpResponseMessage> CreateAsync(object body, string? requestId = null, bool representation = true) =>
        await SendAsync(HttpMethod.Post, "/paypal/v2/checkout/orders", body, requestId, representation);

    public async Task<string> CreatedOrderIdAsync(object? body = null)
    {
        using var response = await CreateAsync(body ?? OrderBody());
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> GetOrderAsync(string id)
    {
        await TokenAsync();
        return await http.GetJsonAsync($"/paypal/v2/checkout/orders/{id}");
    }

    /// <summary>The approval page's form post, as the Approve or Cancel button sends it.</summary>
    public async Task<HttpResponseMessage> DecideAsync(string orderId, string action = "approve", string? country = null)
    {
        var fields = new Dictionary<string, string> { ["token"] = orderId, ["action"] = action };
        if (country is not null)
        {
            fields["country_code"] = country;
        }
        return await http.PostAsync("/paypal/checkoutnow", new FormUrlEncodedContent(fields));
    }

    public async Task<string> ApprovedOrderIdAsync(object? body = null)
    {
        var id = await CreatedOrderIdAsync(body);
        using var approved = await DecideAsync(id);
        ((int)approved.StatusCode).Should().Be(303);
        return id;
    }

    public async Task<HttpResponseMessage> CaptureAsync(string orderId, string? requestId = null) =>
        await SendAsync(HttpMethod.Post, $"/paypal/v2/checkout/orders/{orderId}/capture", new { }, requestId, representation: true);

    /// <summary>An approved and captured order's capture.</summary>
    public async Task<JsonElement> CapturedAsync(object? body = null)
    {
        using var response = await CaptureAsync(await ApprovedOrderIdAsync(body));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("purchase_units")[0].GetProperty("payments").GetProperty("captures")[0];
    }

    /// <summary>Any other POST, e.g. an order's authorize or an authorization's capture and void.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, string? requestId = null, bool representation = true) =>
        SendAsync(HttpMethod.Post, path, body, requestId, representation);

    public async Task<HttpResponseMessage> RefundAsync(string captureId, object? body = null, string? requestId = null) =>
        await SendAsync(HttpMethod.Post, $"/paypal/v2/payments/captures/{captureId}/refund", body, requestId, representation: true);

    public async Task<string> VerifyAsync(ReceivedWebhook push, string? body = null, string webhookId = SandboxApplication.PayPalWebhookId)
    {
        await TokenAsync();
        var payload = $$"""
            {"auth_algo":{{Quote(push.Headers["PAYPAL-AUTH-ALGO"])}},"cert_url":{{Quote(push.Headers["PAYPAL-CERT-URL"])}},
             "transmission_id":{{Quote(push.Headers["PAYPAL-TRANSMISSION-ID"])}},"transmission_sig":{{Quote(push.Headers["PAYPAL-TRANSMISSION-SIG"])}},
             "transmission_time":{{Quote(push.Headers["PAYPAL-TRANSMISSION-TIME"])}},"webhook_id":{{Quote(webhookId)}},
             "webhook_event":{{body ?? push.Text}}}
            """;
        using var response = await http.PostAsync("/paypal/v1/notifications/verify-webhook-signature", new StringContent(payload, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("verification_status").GetString()!;
    }

    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static string Issue(JsonElement error) => error.GetProperty("details")[0].GetProperty("issue").GetString()!;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? requestId, bool representation)
    {
        await TokenAsync();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (requestId is not null)
        {
            request.Headers.Add("PayPal-Request-Id", requestId);
        }
        if (representation)
        {
            request.Headers.Add("Prefer", "return=representation");
        }
        return await http.SendAsync(request);
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
