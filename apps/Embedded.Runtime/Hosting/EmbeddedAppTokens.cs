using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace GamesDrop.Embedded.Runtime.Hosting;

/// <summary>
/// Embedded profile: every hosted app lives under <c>/{appId}</c> and wants its own token, derived from the one
/// <c>APP_API_TOKEN</c>, as its daprd would present its own in the Dapr profile. The senders here (invocation, pub/sub
/// delivery, bindings) present the receiving app's token; an endpoint outside every hosted app accepts none.
/// </summary>
public sealed class EmbeddedAppTokens(IConfiguration configuration, HostIdentity host) : IAppTokenSource
{
    public string? Expected(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint ? ForRoute(endpoint.RoutePattern.RawText) : null;

    /// <summary>The token of the app whose route group holds <paramref name="route"/>, a path such as <c>/notifier/events/x</c>.</summary>
    public string? ForRoute(string? route) =>
        AppOf(route ?? "") is var app && host.HostedApps.Contains(app, StringComparer.Ordinal) ? For(app) : null;

    /// <summary>The route group a path is in: its first segment.</summary>
    public static string AppOf(string path) => path.TrimStart('/').Split('/', 2)[0];

    public string? For(string appId) =>
        configuration[AppTokens.Setting] is { Length: > 0 } secret ? AppTokens.Derive(secret, appId) : null;

    /// <summary>Puts <paramref name="token"/> on <paramref name="request"/> in place of any the caller set.</summary>
    public static void Present(HttpRequestMessage request, string? token)
    {
        request.Headers.Remove(AppTokens.Header);
        if (token is not null)
        {
            request.Headers.Add(AppTokens.Header, token);
        }
    }
}
