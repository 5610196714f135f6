using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// <c>POST /v1/oauth2/token</c>: client credentials in Basic authorization, <c>grant_type=client_credentials</c> in a form,
/// a Bearer token back; and the check every other call goes through.
/// </summary>
internal sealed class PayPalTokens(PayPalOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new();

    public bool IsValid(string? authorization) =>
        authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && _expiries.TryGetValue(header["Bearer ".Length..].Trim(), out var expires) && clock.GetUtcNow() < expires;

    public static async Task<Results<JsonHttpResult<TokenReply>, JsonHttpResult<OAuthError>>> IssueAsync(HttpRequest http, PayPalTokens tokens, CancellationToken ct)
    {
        if (!tokens.Authenticates(http.Headers.Authorization.ToString()))
        {
            return OAuthError.Reply(StatusCodes.Status401Unauthorized, "invalid_client", "Client Authentication failed");
        }
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var grant = form?["grant_type"].ToString();
        if (grant != "client_credentials")
        {
            return OAuthError.Reply(StatusCodes.Status400BadRequest, "unsupported_grant_type",
                string.IsNullOrEmpty(grant) ? "Grant Type is NULL" : $"Grant Type {grant} is not supported");
        }
        return TypedResults.Json(tokens.Issue(), PayPalJson.Options);
    }

    private TokenReply Issue()
    {
        var token = "A21AA" + Base64Url(RandomNumberGenerator.GetBytes(48));
        _expiries[token] = clock.GetUtcNow().AddSeconds(options.TokenSeconds);
        return new TokenReply(
            "https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/payments/refund https://uri.paypal.com/services/applications/webhooks",
            token, "Bearer", "APP-80W284485P519543T", options.TokenSeconds, Base64Url(RandomNumberGenerator.GetBytes(16)));
    }

    private bool Authenticates(string authorization)
    {
        if (!authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = credentials.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }
        // Both compared, whatever the first says, so the time taken tells nothing about which one was wrong.
        return ConstantTime.Matches(credentials[..colon], options.ClientId)
            & ConstantTime.Matches(credentials[(colon + 1)..], options.ClientSecret);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record TokenReply(string Scope, string AccessToken, string TokenType, string AppId, int ExpiresIn, string Nonce);

/// <summary>The OAuth2 error shape the token endpoint answers with, unlike the rest of the API.</summary>
internal sealed record OAuthError(string Error, string ErrorDescription)
{
    public static JsonHttpResult<OAuthError> Reply(int status, string error, string description) =>
        TypedResults.Json(new OAuthError(error, description), PayPalJson.Options, statusCode: status);
}
