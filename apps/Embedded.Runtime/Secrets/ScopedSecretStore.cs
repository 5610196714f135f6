using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;

namespace GamesDrop.Embedded.Runtime.Secrets;

/// <summary>
/// One app's view of the secrets: those its Configuration's secret scopes allow. Any other is refused before the store is
/// asked, with daprd's words (ERR_PERMISSION_DENIED, 403 / PermissionDenied), which the Dapr profile's adapter also
/// surfaces as <see cref="SecretUnavailableException"/>.
/// </summary>
internal sealed class ScopedSecretStore(ConfigurationSecretStore store, SidecarConfiguration configuration) : ISecretStore
{
    public Task<string> GetAsync(string name, CancellationToken ct = default) =>
        configuration.IsSecretAllowed(DaprComponents.SecretStore, name)
            ? store.GetAsync(name, ct)
            : Task.FromException<string>(new SecretUnavailableException(name,
                new UnauthorizedAccessException($"access denied by policy to get \"{name}\" from \"{DaprComponents.SecretStore}\"")));
}
