using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;

namespace GamesDrop.Bff.Clients;

/// <summary>One way the BFF's kernel clients read the kernel's answers.</summary>
internal static class KernelCalls
{
    /// <summary>
    /// The kernel's refusals are answers the BFF words for shoppers: those in <paramref name="withErrors"/> carry their
    /// problem's validation errors, 401, 404, 409, 202 and 204 otherwise carry nothing; any other status is a failure.
    /// </summary>
    public static async Task<KernelAnswer<T>> SendAsync<T>(
        HttpClient http, HttpMethod method, string path, object? body, IReadOnlySet<HttpStatusCode> withErrors, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        return await AnswerAsync(response, withErrors, content => content.ReadFromJsonAsync<T>(ct), ct);
    }

    /// <summary>A GET whose 2xx body is kept as sent, for passing on unread; refusals as <see cref="SendAsync"/>.</summary>
    public static async Task<KernelAnswer<byte[]>> GetBodyAsync(
        HttpClient http, string path, IReadOnlySet<HttpStatusCode> withErrors, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await AnswerAsync<byte[]>(response, withErrors, async content => await content.ReadAsByteArrayAsync(ct), ct);
    }

    private static async Task<KernelAnswer<T>> AnswerAsync<T>(
        HttpResponseMessage response, IReadOnlySet<HttpStatusCode> withErrors, Func<HttpContent, Task<T?>> read, CancellationToken ct)
    {
        if (withErrors.Contains(response.StatusCode))
        {
            var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
            return new KernelAnswer<T>(response.StatusCode, default, problem?.Errors ?? new Dictionary<string, string[]>());
        }
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Conflict
            or HttpStatusCode.NoContent or HttpStatusCode.Accepted)
        {
            return new KernelAnswer<T>(response.StatusCode, default, null);
        }
        response.EnsureSuccessStatusCode();
        return new KernelAnswer<T>(response.StatusCode, await read(response.Content), null);
    }
}
