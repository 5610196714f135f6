using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>Digiflazz speaks snake_case JSON and wraps every reply in <c>{"data": ...}</c>.</summary>
internal static class DigiflazzJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <returns>The body, or null when it is not JSON of that shape (the caller answers rc 40).</returns>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        try
        {
            return await request.ReadFromJsonAsync<T>(Options, ct);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return null;
        }
    }

    public static JsonHttpResult<DigiflazzReply<T>> Reply<T>(T data, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(new DigiflazzReply<T>(data), Options, statusCode: status);
}

internal sealed record DigiflazzReply<T>(T Data);
