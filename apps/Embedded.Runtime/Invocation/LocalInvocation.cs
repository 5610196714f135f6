using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.Embedded.Runtime.Resiliency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Embedded.Runtime.Invocation;

/// <summary>
/// Service invocation without daprd: a client for an app goes to the app's route group in this host, one for an
/// HTTPEndpoint to its configured URL, each with the target's resiliency policies built here.
/// </summary>
internal static class LocalInvocation
{
    public static IHttpClientBuilder ToLocalApp(IHttpClientBuilder client, string callerAppId, string appId) => client
        .AddTargetPolicies(appId)
        .ConfigureHttpClient((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<SelfAddress>().BaseUri, appId + "/"))
        .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
        {
            handlers.Add(new AccessControlHandler(callerAppId, appId, sp.GetRequiredService<AppConfigurations>().For(appId)));
            handlers.Add(new AppTokenHandler(sp.GetRequiredService<EmbeddedAppTokens>().For(appId)));
        });

    /// <summary>Reads the endpoint's base URL from <c>HttpEndpoints:{name}:BaseUrl</c>.</summary>
    public static IHttpClientBuilder ToConfiguredUrl(IHttpClientBuilder client, string endpointName) => client
        // Unconfigured, the client still resolves (its owner may be switched off) and fails only when used.
        .ConfigureHttpClient((sp, http) => http.BaseAddress = ConfiguredBaseUrl(sp.GetRequiredService<IConfiguration>(), endpointName))
        .ConfigureAdditionalHttpMessageHandlers((handlers, sp) => handlers.Add(
            new EndpointAddressHandler(endpointName, ConfiguredBaseUrl(sp.GetRequiredService<IConfiguration>(), endpointName))))
        .AddTargetPolicies(endpointName);

    private static Uri? ConfiguredBaseUrl(IConfiguration configuration, string endpointName) =>
        configuration[$"HttpEndpoints:{endpointName}:BaseUrl"] is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null;

    /// <summary>
    /// Embedded: <c>http://{endpoint}/path</c>, the address daprd resolves by HTTPEndpoint name, goes to the configured base
    /// URL instead, its path kept (the base URL's own path first).
    /// </summary>
    private sealed class EndpointAddressHandler(string endpointName, Uri? baseUrl) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri is { IsAbsoluteUri: true } uri && string.Equals(uri.Host, endpointName, StringComparison.OrdinalIgnoreCase))
            {
                var target = baseUrl ?? throw new InvalidOperationException($"HttpEndpoints:{endpointName}:BaseUrl is not configured.");
                // Joined as text: a path such as /bot123:abc/sendMessage would read as a URI scheme on its own.
                request.RequestUri = new Uri(target.AbsoluteUri.TrimEnd('/') + uri.PathAndQuery);
            }
            return base.SendAsync(request, ct);
        }
    }

    /// <summary>Presents the callee's own app token, as the callee's daprd does in the Dapr profile.</summary>
    private sealed class AppTokenHandler(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            EmbeddedAppTokens.Present(request, token);
            return base.SendAsync(request, ct);
        }
    }
}
