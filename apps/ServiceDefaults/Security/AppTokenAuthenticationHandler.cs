using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GamesDrop.ServiceDefaults.Security;

/// <summary>
/// Dapr's token check (Dapr.AspNetCore's handler compares <c>dapr-api-token</c> with one configured token), with the
/// expected token asked per request, so one host of several apps can want each app's own.
/// </summary>
internal sealed class AppTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAppTokenSource tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(AppTokens.Header, out var presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (tokens.Expected(Context) is not { } expected)
        {
            return Task.FromResult(AuthenticateResult.Fail("No app token is configured for this endpoint."));
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.ToString()), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail("Not this app's token."));
        }
        var identity = new ClaimsIdentity([], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
