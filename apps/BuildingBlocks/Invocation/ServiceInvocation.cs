using Dapr.Client;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Resiliency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Invocation;

/// <summary>
/// Typed HttpClients for other apps and for external APIs. Dapr profile: through the sidecar
/// (<c>/v1.0/invoke/{id}/method/...</c>), which applies resiliency.yaml. Embedded: straight to the app's
/// route group in this host, or to the API's configured URL with the same policies built locally.
/// </summary>
public static partial class ServiceInvocation
{
    /// <summary>Retry policy of resiliency.yaml the apps apply to repeatable calls to each other (both profiles).</summary>
    public const string InternalRetryPolicy = "internalRetry";

    /// <summary>
    /// A client for app <paramref name="appId"/>; relative paths are the app's own routes. The same policy in both
    /// profiles: the app's resiliency target (timeout) by daprd or, Embedded, built here; retries of repeatable calls only,
    /// by the caller.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string appId)
        where TClient : class =>
        services.AddHttpClient<TClient>()
            .AddIdempotentRetries(InternalRetryPolicy)
            .AddResiliencyPolicies(appId, sp => sp.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Embedded)
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr
                    ? new Uri($"http://{appId}/")
                    : new Uri(sp.GetRequiredService<SelfAddress>().BaseUri, appId + "/");
            })
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) => handlers.Add(
                sp.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr
                    ? DaprHandler(sp, appId)
                    : new AppTokenHandler(sp.GetRequiredService<IConfiguration>()["APP_API_TOKEN"])));

    /// <summary>
    /// A client for an external API declared as HTTPEndpoint <paramref name="endpointName"/>. Embedded
    /// reads its base URL from <c>HttpEndpoints:{name}:BaseUrl</c> and applies the endpoint's resiliency target.
    /// </summary>
    public static IHttpClientBuilder AddHttpEndpointClient<TClient>(this IServiceCollection services, string endpointName)
        where TClient : class =>
        services.AddHttpClient<TClient>().ToHttpEndpoint(endpointName);

    /// <summary>
    /// The same as a named client (<see cref="System.Net.Http.IHttpClientFactory"/> name = <paramref name="endpointName"/>), for
    /// libraries that build their own requests: an absolute URL on host <c>{endpointName}</c> reaches the endpoint too.
    /// </summary>
    public static IHttpClientBuilder AddHttpEndpointClient(this IServiceCollection services, string endpointName) =>
        services.AddHttpClient(endpointName).ToHttpEndpoint(endpointName);

    private static IHttpClientBuilder ToHttpEndpoint(this IHttpClientBuilder client, string endpointName) =>
        (EndpointName().IsMatch(endpointName) ? client : throw new ArgumentException(
            $"'{endpointName}' is not an HTTPEndpoint name: daprd would invoke it as a URL, through the app channel that " +
            "adds APP_API_TOKEN, so the partner would receive the apps' token.", nameof(endpointName)))
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr
                    ? new Uri($"http://{endpointName}/")
                    : ConfiguredBaseUrl(sp.GetRequiredService<IConfiguration>(), endpointName);
                // Unconfigured, the client still resolves (its owner may be switched off) and fails only when used.
            })
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) => handlers.Add(
                sp.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr
                    ? DaprHandler(sp, endpointName)
                    : new EndpointAddressHandler(endpointName, ConfiguredBaseUrl(sp.GetRequiredService<IConfiguration>(), endpointName))))
            // daprd applies the endpoint's policies itself in the Dapr profile.
            .AddResiliencyPolicies(endpointName, sp => sp.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Embedded);

    // A Dapr resource name (DNS-1123 label), the only form daprd resolves as a named HTTPEndpoint.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial System.Text.RegularExpressions.Regex EndpointName();

    private static Uri? ConfiguredBaseUrl(IConfiguration configuration, string endpointName) =>
        configuration[$"HttpEndpoints:{endpointName}:BaseUrl"] is { Length: > 0 } url ? new Uri(url.TrimEnd('/') + "/") : null;

    private static DelegatingHandler DaprHandler(IServiceProvider sp, string appId)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var handler = new InvocationHandler { DefaultAppId = appId };
        if (configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } endpoint)
        {
            handler.DaprEndpoint = endpoint;
        }
        return handler;
    }

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

    /// <summary>Presents the app token the callee checks, as daprd does in the Dapr profile.</summary>
    private sealed class AppTokenHandler(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (!string.IsNullOrEmpty(token))
            {
                request.Headers.Remove("dapr-api-token");
                request.Headers.Add("dapr-api-token", token);
            }
            return base.SendAsync(request, ct);
        }
    }
}
