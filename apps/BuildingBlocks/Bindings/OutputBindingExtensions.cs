using Dapr.Client;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Bindings;

public static class OutputBindingExtensions
{
    /// <summary>
    /// Gives <paramref name="appId"/> its output bindings, resolved with <c>[FromKeyedServices(appId)]</c>: Embedded
    /// checks each call against the component's scopes and direction as that app's sidecar would.
    /// </summary>
    public static IServiceCollection AddOutputBindings(this IServiceCollection services, string appId) =>
        services.AddKeyedSingleton<IOutputBinding>(appId, (sp, _) => sp.GetRequiredService<HostIdentity>().Profile switch
        {
            RuntimeProfile.Dapr => new DaprOutputBinding(sp.GetRequiredService<DaprClient>()),
            _ => sp.GetRequiredService<IEmbeddedRuntime>().OutputBinding(sp, appId),
        });
}
