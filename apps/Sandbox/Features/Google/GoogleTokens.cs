using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GamesDrop.Sandbox.Features.Google;

/// <summary>
/// Google's OAuth token endpoint for service accounts: <c>grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer</c> with an
/// RS256 assertion (iss = the account, aud = the token URL, scope, iat, exp at most an hour later), checked against the
/// account's public key; and the Bearer check the Sheets API makes.
/// </summary>
internal sealed class GoogleTokens(GoogleOptions options, TimeProvider clock)
{
    public const string Audience = "https://oauth2.googleapis.com/token";
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, string Scope)> _issued = new();
    private int _requests;

    /// <summary>How many tokens were asked for, so a client that caches them can be told from one that does not.</summary>
    public int Requests => _requests;

    public bool Allows(string? authorization, string scope) =>
        authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
        && _issued.TryGetValue(header["Bearer ".Length..].Trim(), out var token) && clock.GetUtcNow() < token.Expires
        && token.Scope.Split(' ').Contains(scope);

    public async Task<IResult> IssueAsync(HttpRequest http, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        if (form?["grant_type"].ToString() != GrantType)
        {
            return Refuse("unsupported_grant_type", "Invalid grant_type.");
        }
        if (Check(form["assertion"].ToString()) is { } problem)
        {
            return Refuse("invalid_grant", problem);
        }
        var token = "ya29.sandbox-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _issued[token] = (clock.GetUtcNow().AddSeconds(options.TokenSeconds), Scope(form["assertion"].ToString()));
        return TypedResults.Json(new { access_token = token, expires_in = options.TokenSeconds, token_type = "Bearer" });
    }

    private string? Check(string assertion)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3 || options.PublicKeyPem is not { Length: > 0 } pem)
        {
            return "Invalid JWT Signature.";
        }
        using var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        if (!rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "Invalid JWT Signature.";
        }
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        var c = claims.RootElement;
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return header.RootElement.GetProperty("alg").GetString() != "RS256" ? "Invalid JWT: alg must be RS256."
            : Text(c, "iss") != options.ClientEmail ? "Invalid JWT: iss is no service account here."
            : Text(c, "aud") != Audience ? "Invalid JWT: Failed audience check."
            : !c.TryGetProperty("iat", out var iat) || !c.TryGetProperty("exp", out var exp) ? "Invalid JWT: iat and exp are required."
            : exp.GetInt64() - iat.GetInt64() > 3600 || iat.GetInt64() > now + 300 || exp.GetInt64() < now
                ? "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe."
            : string.IsNullOrEmpty(Text(c, "scope")) ? "Invalid JWT: scope is required." : null;
    }

    private static string Scope(string assertion)
    {
        using var claims = JsonDocument.Parse(FromBase64Url(assertion.Split('.')[1]));
        return Text(claims.RootElement, "scope") ?? "";
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }

    private static IResult Refuse(string error, string description) =>
        TypedResults.Json(new { error, error_description = description }, statusCode: StatusCodes.Status400BadRequest);
}
