using Dapr.Client;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Resiliency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Invocation;

/// <summary>
/// Typed HttpClients for other apps and for external APIs. Dapr profile: through the sidecar
/// (<c>/v1.0/invoke/{id}/method/...</c>), which applies resiliency.yaml. Embedded: the Embedded runtime points them
/// straight at the app's route group in this host, or at the API's configured URL, with the same policies built locally.
/// </summary>
public static partial class ServiceInvocation
{
    /// <summary>Retry policy of resiliency.yaml the apps apply to repeatable calls to each other (both profiles).</summary>
    public const string InternalRetryPolicy = "internalRetry";

    /// <summary>
    /// A client for app <paramref name="appId"/>, used by app <paramref name="from"/>; relative paths are the app's own
    /// routes. The same policy in both profiles: the app's resiliency target (timeout) and access control by daprd or,
    /// Embedded, built here; retries of repeatable calls only, by the caller.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string appId, string from)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>().AddIdempotentRetries(InternalRetryPolicy);
        return HostIdentity.Registered(services, nameof(AddServiceClient)).Profile == RuntimeProfile.Dapr
            ? client.ToSidecar(appId)
            : IEmbeddedRuntime.Registered(services).ToApp(client, from, appId);
    }

    /// <summary>
    /// A client for an external API declared as HTTPEndpoint <paramref name="endpointName"/>. Embedded
    /// reads its base URL from <c>HttpEndpoints:{name}:BaseUrl</c> and applies the endpoint's resiliency target.
    /// </summary>
    public static IHttpClientBuilder AddHttpEndpointClient<TClient>(this IServiceCollection services, string endpointName)
        where TClient : class =>
        services.AddHttpClient<TClient>().ToHttpEndpoint(services, endpointName);

    /// <summary>
    /// The same as a named client (<see cref="System.Net.Http.IHttpClientFactory"/> name = <paramref name="endpointName"/>), for
    /// libraries that build their own requests: an absolute URL on host <c>{endpointName}</c> reaches the endpoint too.
    /// </summary>
    public static IHttpClientBuilder AddHttpEndpointClient(this IServiceCollection services, string endpointName) =>
        services.AddHttpClient(endpointName).ToHttpEndpoint(services, endpointName);

    private static IHttpClientBuilder ToHttpEndpoint(this IHttpClientBuilder client, IServiceCollection services, string endpointName)
    {
        if (!EndpointName().IsMatch(endpointName))
        {
            throw new ArgumentException(
                $"'{endpointName}' is not an HTTPEndpoint name: daprd would invoke it as a URL, through the app channel that " +
                "adds APP_API_TOKEN, so the partner would receive the apps' token.", nameof(endpointName));
        }
        // daprd applies the endpoint's policies itself in the Dapr profile; the Embedded runtime builds them.
        return HostIdentity.Registered(services, nameof(AddHttpEndpointClient)).Profile == RuntimeProfile.Dapr
            ? client.ToSidecar(endpointName)
            : IEmbeddedRuntime.Registered(services).ToHttpEndpoint(client, endpointName);
    }

    // daprd resolves http://{app id or HTTPEndpoint name}/path through the invocation handler.
    private static IHttpClientBuilder ToSidecar(this IHttpClientBuilder client, string target) => client
        .ConfigureHttpClient(http => http.BaseAddress = new Uri($"http://{target}/"))
        .ConfigureAdditionalHttpMessageHandlers((handlers, sp) => handlers.Add(DaprHandler(sp, target)));

    // A Dapr resource name (DNS-1123 label), the only form daprd resolves as a named HTTPEndpoint.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial System.Text.RegularExpressions.Regex EndpointName();

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
}
