using System.Security.Cryptography;
using System.Text;

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
        var expected = http.Features.Get<CurrentSession>()?.Session.CsrfToken;
        var given = http.Request.Headers[Header].ToString();
        if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given)))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                $"Send the token from GET /api/auth/csrf in header {Header}.", statusCode: StatusCodes.Status403Forbidden));
        }
        return next(context);
    }
}
