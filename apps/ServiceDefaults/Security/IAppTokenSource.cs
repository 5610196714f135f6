using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace GamesDrop.ServiceDefaults.Security;

/// <summary>Which app token a request to an internal endpoint must present; null when none is configured (refused).</summary>
public interface IAppTokenSource
{
    string? Expected(HttpContext context);
}

/// <summary>A standalone app (Dapr profile): its daprd presents the app's own <c>APP_API_TOKEN</c>.</summary>
internal sealed class ConfiguredAppToken(IConfiguration configuration) : IAppTokenSource
{
    // Read from configuration rather than only the environment, so hosts and tests can set it.
    public string? Expected(HttpContext context) => configuration[AppTokens.Setting] is { Length: > 0 } token ? token : null;
}
