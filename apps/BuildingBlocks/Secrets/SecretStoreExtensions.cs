using Dapr.Client;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Secrets;

public static class SecretStoreExtensions
{
    /// <summary>
    /// Gives <paramref name="appId"/> its secret store, resolved with <c>[FromKeyedServices(appId)]</c>: only the secrets
    /// its Configuration allows (<c>components/config/*/{appId}.yaml</c>). daprd enforces that in the Dapr profile, the
    /// Embedded runtime here. Secret names are constants named <c>*Secret</c> or <c>*SecretName</c>; Deployment.Tests
    /// checks each app's allowed list against them.
    /// </summary>
    public static IServiceCollection AddSecretStore(this IServiceCollection services, string appId) =>
        services.AddKeyedSingleton<ISecretStore>(appId, (sp, _) => sp.GetRequiredService<HostIdentity>().Profile switch
        {
            RuntimeProfile.Dapr => new DaprSecretStore(sp.GetRequiredService<DaprClient>(), DaprComponents.SecretStore),
            _ => sp.GetRequiredService<IEmbeddedRuntime>().SecretStore(sp, appId),
        });
}
