using System.Security.Cryptography;
using System.Text;

namespace GamesDrop.ServiceDefaults.Security;

/// <summary>
/// The token an app's internal endpoints want in <c>dapr-api-token</c>. In the Dapr profile each app's daprd presents the
/// app's own <c>APP_API_TOKEN</c>. A one-box host is given one secret and derives each app's token from it, so one
/// setting still yields a token per app and a token taken from one app opens no other.
/// </summary>
public static class AppTokens
{
    public const string Header = "dapr-api-token";
    public const string Setting = "APP_API_TOKEN";

    /// <summary>HMAC-SHA256 of the app id under the one secret, as lower-case hex.</summary>
    public static string Derive(string secret, string appId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(appId)));
}
