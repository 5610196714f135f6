using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Clients;

/// <summary>
/// How the kernel or checkout answered a claim request: the claim, or no such thing (404), bad input (400, with its
/// errors), a refusal in words (409), or a replacement still on its way (202, with the claim as it is).
/// </summary>
public sealed record ClaimAnswer(HttpStatusCode Status, KeyClaim? Claim, string? Detail, IDictionary<string, string[]>? Errors)
{
    public static async Task<ClaimAnswer> SendAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return new ClaimAnswer(response.StatusCode, null, null, null);
            case HttpStatusCode.BadRequest:
                var invalid = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
                return new ClaimAnswer(response.StatusCode, null, invalid?.Detail, invalid?.Errors ?? new Dictionary<string, string[]>());
            case HttpStatusCode.Conflict:
                var refused = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(ct);
                return new ClaimAnswer(response.StatusCode, null, refused?.Detail, null);
        }
        response.EnsureSuccessStatusCode();
        return new ClaimAnswer(response.StatusCode, await response.Content.ReadFromJsonAsync<KeyClaim>(ct), null, null);
    }

    /// <summary>The answer passed on: 200 (or 202) with <paramref name="view"/> of the claim, else 404, 400 or 409 with the words.</summary>
    public Results<Ok<T>, Accepted<T>, NotFound, ValidationProblem, ProblemHttpResult> ToResult<T>(Func<KeyClaim, T> view, string refusedTitle) => Status switch
    {
        HttpStatusCode.NotFound => TypedResults.NotFound(),
        HttpStatusCode.BadRequest => TypedResults.ValidationProblem(Errors!),
        HttpStatusCode.Conflict => TypedResults.Problem(Detail, title: refusedTitle, statusCode: StatusCodes.Status409Conflict),
        HttpStatusCode.Accepted => TypedResults.Accepted((string?)null, view(Claim!)),
        _ => TypedResults.Ok(view(Claim!)),
    };
}
