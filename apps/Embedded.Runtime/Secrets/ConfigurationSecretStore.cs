using GamesDrop.BuildingBlocks.Secrets;
using Microsoft.Extensions.Configuration;

namespace GamesDrop.Embedded.Runtime.Secrets;

/// <summary>
/// Embedded profile: secret <c>name</c> is configuration key <c>Secrets:name</c> (environment
/// <c>Secrets__name</c>), kept out of the repository by run.sh and test hosts. Unset is an error, as in daprd.
/// </summary>
internal sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public Task<string> GetAsync(string name, CancellationToken ct = default) =>
        configuration[$"Secrets:{name}"] is { Length: > 0 } value
            ? Task.FromResult(value)
            : Task.FromException<string>(new SecretUnavailableException(name));
}
