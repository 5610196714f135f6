using System.Globalization;
using Dapr;
using Dapr.Client;

namespace GamesDrop.BuildingBlocks.State;

/// <summary>Dapr profile: the sidecar's state API on one state store component.</summary>
internal sealed class DaprStateStore(DaprClient dapr, string storeName) : IStateStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong };

    public async Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct = default)
    {
        var (value, etag) = await dapr.GetStateAndETagAsync<T>(storeName, key, cancellationToken: ct);
        return value is null || string.IsNullOrEmpty(etag) ? null : new StateEntry<T>(value, etag);
    }

    public async Task<bool> TrySaveAsync<T>(string key, T value, string? etag = null, TimeSpan? ttl = null, CancellationToken ct = default)
    {
        var metadata = Ttl(ttl);
        if (etag is null)
        {
            await dapr.SaveStateAsync(storeName, key, value, metadata: metadata, cancellationToken: ct);
            return true;
        }
        return await dapr.TrySaveStateAsync(storeName, key, value, etag, FirstWrite, metadata, ct);
    }

    public async Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken ct = default)
    {
        if (etag is null)
        {
            await dapr.DeleteStateAsync(storeName, key, cancellationToken: ct);
            return true;
        }
        try
        {
            return await dapr.TryDeleteStateAsync(storeName, key, etag, FirstWrite, cancellationToken: ct);
        }
        catch (DaprException)
        {
            return false;
        }
    }

    private static Dictionary<string, string>? Ttl(TimeSpan? ttl) => ttl is { } t
        ? new() { ["ttlInSeconds"] = ((long)Math.Ceiling(t.TotalSeconds)).ToString(CultureInfo.InvariantCulture) }
        : null;
}
