using System.Text.Json;
using System.Text.Json.Serialization;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>PayPal speaks snake_case JSON and leaves absent fields out rather than sending nulls.</summary>
internal static class PayPalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A body bound before the endpoint filters run, so a request the caller gave up on can still be applied.</summary>
    /// <returns>The body, <paramref name="empty"/> when there is none, or null when it is not JSON of that shape.</returns>
    public static async ValueTask<T?> ReadBodyAsync<T>(HttpContext http, T? empty = null) where T : class
    {
        if (http.Request.ContentLength == 0 || (http.Request.ContentLength is null && !http.Request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return empty;
        }
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Options, http.RequestAborted) ?? empty;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
