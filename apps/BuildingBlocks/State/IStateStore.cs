namespace GamesDrop.BuildingBlocks.State;

/// <summary>A value and the ETag it was read with.</summary>
public sealed record StateEntry<T>(T Value, string ETag);

/// <summary>
/// Dapr's key/value state API for one app. Writes that carry the ETag they read win only if nobody wrote
/// in between (first-write-wins); without an ETag the last write wins.
/// </summary>
public interface IStateStore
{
    Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct = default);

    /// <summary>Saves <paramref name="value"/>; false when <paramref name="etag"/> is stale.</summary>
    Task<bool> TrySaveAsync<T>(string key, T value, string? etag = null, TimeSpan? ttl = null, CancellationToken ct = default);

    /// <summary>Deletes the key; false when <paramref name="etag"/> is stale.</summary>
    Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken ct = default);
}
