using System.Security.Cryptography;
using System.Text;
using GamesDrop.BuildingBlocks.Secrets;

namespace GamesDrop.Suppliers.Features.Push;

/// <summary>
/// How each supplier proves a push is theirs; comparisons run in constant time. An empty or placeholder secret proves
/// nothing (an empty header would match it), so it refuses every push.
/// </summary>
public static class WebhookSignatures
{
    /// <summary>Kinguin sends the configured secret itself in <c>X-Event-Secret</c>.</summary>
    public static bool IsKinguinSecret(string? header, string secret) =>
        header is not null && !PlaceholderSecrets.IsPlaceholder(secret) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(secret));

    /// <summary>Digiflazz signs the raw body: <c>X-Hub-Signature: sha1=hex(HMAC-SHA1(secret, body))</c>.</summary>
    public static bool IsDigiflazzSignature(string? header, byte[] body, string secret)
    {
        if (header is null || !header.StartsWith("sha1=", StringComparison.Ordinal) || PlaceholderSecrets.IsPlaceholder(secret))
        {
            return false;
        }
        var expected = Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header[5..].ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
    }
}
