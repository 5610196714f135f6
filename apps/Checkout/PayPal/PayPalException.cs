using System.Net.Http.Json;
using System.Text.Json;

namespace GamesDrop.Checkout.PayPal;

/// <summary>A refusal or failure from PayPal: the HTTP status, PayPal's error name, the first detail's issue, and the debug id PayPal support asks for.</summary>
public sealed class PayPalException(int status, string name, string? issue, string? debugId, string? description = null)
    : Exception($"PayPal answered {status} {name}{(issue is null ? "" : "/" + issue)}: {description ?? "no description"} (debug id {debugId ?? "none"})")
{
    public int Status { get; } = status;

    public string Name { get; } = name;

    public string? Issue { get; } = issue;

    public string? DebugId { get; } = debugId;

    /// <summary>Worth repeating with the same PayPal-Request-Id: PayPal was unavailable, not unwilling.</summary>
    public bool IsTransient => Status >= 500 || Status == 429;

    internal static async Task<PayPalException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        ErrorReply? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync<ErrorReply>(PayPalJson.Options, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // A gateway's HTML page, say: the status alone must do.
        }
        var detail = error?.Details?.FirstOrDefault();
        return new PayPalException(status, error?.Name ?? error?.Error ?? "HTTP_" + status, detail?.Issue, error?.DebugId,
            detail?.Description ?? error?.Message ?? error?.ErrorDescription);
    }
}
