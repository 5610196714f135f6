using Dapr.Client;

namespace GamesDrop.BuildingBlocks.Secrets;

internal sealed class DaprSecretStore(DaprClient dapr, string storeName) : ISecretStore
{
    public async Task<string?> GetAsync(string name, CancellationToken ct = default)
    {
        var values = await dapr.GetSecretAsync(storeName, name, cancellationToken: ct);
        return values.TryGetValue(name, out var value) ? value : values.Values.FirstOrDefault();
    }
}
