using Microsoft.Extensions.Configuration;

namespace GamesDrop.BuildingBlocks.Secrets;

/// <summary>Embedded profile: secrets come from configuration (environment, user secrets, files outside the repo).</summary>
internal sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public Task<string?> GetAsync(string name, CancellationToken ct = default) =>
        Task.FromResult(configuration[name] is { Length: > 0 } value ? value : null);
}
