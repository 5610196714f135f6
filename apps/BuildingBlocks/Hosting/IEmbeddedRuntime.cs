using Dapr.Actors.Runtime;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>
/// What the one-process Embedded host plugs in behind the ports, where the Dapr profile has daprd. Implemented by
/// apps/Embedded.Runtime, which no Dapr-profile app references (Deployment.Tests checks it), so this assembly names
/// no Embedded adapter: it calls these members when the host's profile is Embedded.
/// </summary>
public interface IEmbeddedRuntime
{
    /// <summary>The host-wide adapters: event delivery, breakers, input bindings.</summary>
    void AddHostServices(IServiceCollection services);

    /// <summary>Runs app <paramref name="appId"/>'s actors in this process.</summary>
    void AddActors(IServiceCollection services, string appId, ActorRuntimeOptions options);

    IStateStore StateStore(IServiceProvider services, string appId);

    IOutputBinding OutputBinding(IServiceProvider services, string appId);

    /// <summary>App <paramref name="appId"/>'s secrets: only those its Configuration's secret scopes allow.</summary>
    ISecretStore SecretStore(IServiceProvider services, string appId);

    /// <summary>
    /// Points a client of app <paramref name="callerAppId"/> at app <paramref name="appId"/>'s route group in this host, with
    /// the app's resiliency target and its access control.
    /// </summary>
    IHttpClientBuilder ToApp(IHttpClientBuilder client, string callerAppId, string appId);

    /// <summary>Points a client at HTTPEndpoint <paramref name="endpointName"/>'s configured URL, with its resiliency target.</summary>
    IHttpClientBuilder ToHttpEndpoint(IHttpClientBuilder client, string endpointName);

    /// <summary>The runtime the Embedded host registered, for registrations that happen before the container is built.</summary>
    static IEmbeddedRuntime Registered(IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<IEmbeddedRuntime>().SingleOrDefault()
            ?? throw new InvalidOperationException("The Embedded profile needs the Embedded runtime: call AddEmbeddedBuildingBlocks (apps/Embedded.Runtime).");
}
