using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Sessions;

/// <summary>
/// Synchronizer-token CSRF defence for cookie-authenticated writes: POST, PUT and DELETE must echo the session's token
/// in <see cref="Header"/>, which another site's page cannot read. Reads pass.
/// </summary>
public sealed class CsrfFilter : IEndpointFilter
{
    public const string Header = "X-CSRF-Token";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        {
            return next(context);
        }
        if (!Carries(http.Request, http.Features.Get<CurrentSession>()?.Session.CsrfToken))
        {
            return ValueTask.FromResult<object?>(Refused("the token from GET /api/auth/csrf"));
        }
        return next(context);
    }

    /// <summary>Whether the request's <see cref="Header"/> is <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Carries(HttpRequest request, string? expected) =>
        expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(request.Headers[Header].ToString()));

    /// <summary>The 403 for a write without the right token; <paramref name="token"/> says where to get it.</summary>
    public static ProblemHttpResult Refused(string token) =>
        TypedResults.Problem($"Send {token} in header {Header}.", statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>The token a caller about to write sends back in <see cref="CsrfFilter.Header"/>.</summary>
public sealed record CsrfToken(string Token);
