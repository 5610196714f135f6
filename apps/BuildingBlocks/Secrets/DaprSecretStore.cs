using Dapr;
using Dapr.Client;

namespace GamesDrop.BuildingBlocks.Secrets;

internal sealed class DaprSecretStore(DaprClient dapr, string storeName) : ISecretStore
{
    public async Task<string> GetAsync(string name, CancellationToken ct = default)
    {
        Dictionary<string, string> values;
        try
        {
            values = await dapr.GetSecretAsync(storeName, name, cancellationToken: ct);
        }
        catch (DaprException e)
        {
            // daprd answers an unknown key with ERR_SECRET_GET; an unreachable sidecar fails the same way here.
            throw new SecretUnavailableException(name, e);
        }
        return values.TryGetValue(name, out var value) ? value
            : values.Count > 0 ? values.Values.First()
            : throw new SecretUnavailableException(name);
    }
}
