using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GamesDrop.Bff.Clients;

/// <summary>
/// One way the BFF's clients read the answers of the store's apps (the kernel, and the checkout's claim resolutions,
/// which answer in the same problem+json shape).
/// </summary>
internal static class AppCalls
{
    /// <summary>
    /// The apps' refusals are answers the BFF words for shoppers: those in <paramref name="withErrors"/> carry their
    /// problem's validation errors, a 409 its detail, 401, 404 and 204 nothing; a 202 carries its body when it has one (a
    /// claim whose replacement is on its way); any other status is a failure.
    /// </summary>
    public static async Task<AppAnswer<T>> SendAsync<T>(
        HttpClient http, HttpMethod method, string path, object? body, IReadOnlySet<HttpStatusCode> withErrors, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        return await AnswerAsync(response, withErrors, content => content.ReadFromJsonAsync<T>(ct), ct);
    }

    /// <summary>A GET whose 2xx body is kept as sent, for passing on unread; refusals as <see cref="SendAsync"/>.</summary>
    public static async Task<AppAnswer<byte[]>> GetBodyAsync(
        HttpClient http, string path, IReadOnlySet<HttpStatusCode> withErrors, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await AnswerAsync<byte[]>(response, withErrors, async content => await content.ReadAsByteArrayAsync(ct), ct);
    }

    private static async Task<AppAnswer<T>> AnswerAsync<T>(
        HttpResponseMessage response, IReadOnlySet<HttpStatusCode> withErrors, Func<HttpContent, Task<T?>> read, CancellationToken ct)
    {
        // An answer with no body (TypedResults.Conflict(), Accepted()) has no content type.
        var hasBody = response.Content.Headers.ContentType is not null;
        if (withErrors.Contains(response.StatusCode))
        {
            var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
            return new AppAnswer<T>(response.StatusCode, default, problem?.Errors ?? new Dictionary<string, string[]>(), problem?.Detail);
        }
        switch (response.StatusCode)
        {
            case HttpStatusCode.Conflict:
                return new AppAnswer<T>(response.StatusCode, default, null,
                    hasBody ? (await response.Content.ReadFromJsonAsync<ProblemDetails>(ct))?.Detail : null);
            case HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.NoContent:
                return new AppAnswer<T>(response.StatusCode, default, null);
            case HttpStatusCode.Accepted:
                return new AppAnswer<T>(response.StatusCode, hasBody ? await read(response.Content) : default, null);
        }
        response.EnsureSuccessStatusCode();
        return new AppAnswer<T>(response.StatusCode, await read(response.Content), null);
    }
}

/// <summary>
/// An app's answer: its status; the value of a 2xx (a 202's when it carries one); the validation errors of a refusal the
/// call reads them for; a 409's words.
/// </summary>
public sealed record AppAnswer<T>(HttpStatusCode Status, T? Value, IDictionary<string, string[]>? Errors, string? Detail = null);
