using Microsoft.Extensions.Configuration;

namespace GamesDrop.BuildingBlocks.Secrets;

/// <summary>
/// Embedded profile: secret <c>name</c> is configuration key <c>Secrets:name</c> (environment
/// <c>Secrets__name</c>), kept out of the repository by run.sh and test hosts.
/// </summary>
internal sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public Task<string?> GetAsync(string name, CancellationToken ct = default) =>
        Task.FromResult(configuration[$"Secrets:{name}"] is { Length: > 0 } value ? value : null);
}
