using Dapr.Client;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.State;

public static class StateStoreExtensions
{
    /// <summary>
    /// Gives <paramref name="appId"/> its state store, resolved with <c>[FromKeyedServices(appId)]</c>:
    /// keys are the app's own, as daprd prefixes them with the app id.
    /// </summary>
    public static IServiceCollection AddStateStore(this IServiceCollection services, string appId) =>
        services.AddKeyedSingleton<IStateStore>(appId, (sp, _) => sp.GetRequiredService<HostIdentity>().Profile switch
        {
            RuntimeProfile.Dapr => new DaprStateStore(sp.GetRequiredService<DaprClient>(), DaprComponents.StateStore),
            _ => sp.GetRequiredService<IEmbeddedRuntime>().StateStore(sp, appId),
        });

    /// <summary>Gives <paramref name="appId"/> (which has its state store) its record of handled pushes, resolved with <c>[FromKeyedServices(appId)]</c>.</summary>
    public static IServiceCollection AddWebhookReplays(this IServiceCollection services, string appId) =>
        services.AddKeyedSingleton(appId, (sp, _) => new WebhookReplays(sp.GetRequiredKeyedService<IStateStore>(appId), sp.GetRequiredService<TimeProvider>()));
}
