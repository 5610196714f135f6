using System.Text.Json;
using Dapr.Actors.Runtime;
using StackExchange.Redis;

namespace GamesDrop.Embedded.Runtime.Actors;

/// <summary>
/// One turn's actor state, as Dapr's state manager keeps it: reads are cached, writes are tracked and reach Redis only
/// in <see cref="SaveStateAsync"/>, in one transaction. Keys follow Dapr's actor layout on state.redis,
/// <c>{appId}||{actorType}||{actorId}||{name}</c>, each a hash of <c>data</c> and <c>version</c>.
/// </summary>
internal sealed class RedisActorStateManager(IDatabase redis, string actorKey, JsonSerializerOptions json) : IActorStateManager
{
    private readonly Dictionary<string, Entry> _entries = [];

    public async Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        if (!await TryAddStateAsync(stateName, value, cancellationToken))
        {
            throw new InvalidOperationException($"Actor state {stateName} already exists.");
        }
    }

    public async Task AddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        if (!await TryAddStateAsync(stateName, value, ttl, cancellationToken))
        {
            throw new InvalidOperationException($"Actor state {stateName} already exists.");
        }
    }

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) =>
        TryAddAsync(stateName, value, null);

    public Task<bool> TryAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        TryAddAsync(stateName, value, ttl);

    public async Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default)
    {
        var found = await TryGetStateAsync<T>(stateName, cancellationToken);
        return found.HasValue ? found.Value : throw new KeyNotFoundException($"Actor state {stateName} does not exist.");
    }

    public async Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default)
    {
        var entry = await LoadAsync<T>(stateName);
        return entry is { Removed: false } ? new ConditionalValue<T>(true, (T)entry.Value!) : default;
    }

    public Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
    {
        _entries[stateName] = new Entry(value, Dirty: true, Removed: false, Ttl: null);
        return Task.CompletedTask;
    }

    public Task SetStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        _entries[stateName] = new Entry(value, Dirty: true, Removed: false, ttl);
        return Task.CompletedTask;
    }

    public async Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        if (!await TryRemoveStateAsync(stateName, cancellationToken))
        {
            throw new KeyNotFoundException($"Actor state {stateName} does not exist.");
        }
    }

    public async Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default)
    {
        if (!await ContainsStateAsync(stateName, cancellationToken))
        {
            return false;
        }
        _entries[stateName] = new Entry(null, Dirty: true, Removed: true, null);
        return true;
    }

    public async Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default) =>
        _entries.TryGetValue(stateName, out var entry) ? !entry.Removed : await redis.KeyExistsAsync(Key(stateName));

    public Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) =>
        GetOrAddAsync(stateName, value, null);

    public Task<T> GetOrAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        GetOrAddAsync(stateName, value, ttl);

    public Task<T> AddOrUpdateStateAsync<T>(
        string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default) =>
        AddOrUpdateAsync(stateName, addValue, updateValueFactory, null);

    public Task<T> AddOrUpdateStateAsync<T>(
        string stateName, T addValue, Func<string, T, T> updateValueFactory, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        AddOrUpdateAsync(stateName, addValue, updateValueFactory, ttl);

    public Task UnloadStateAsync(string stateName, UnloadStateOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue(stateName, out var entry) && entry.Dirty && options?.AllowUnloadingWhenStateModified != true)
        {
            throw new InvalidOperationException($"Actor state {stateName} was changed and not saved.");
        }
        _entries.Remove(stateName);
        return Task.CompletedTask;
    }

    public Task ClearCacheAsync(CancellationToken cancellationToken = default)
    {
        _entries.Clear();
        return Task.CompletedTask;
    }

    public async Task SaveStateAsync(CancellationToken cancellationToken = default)
    {
        var changes = _entries.Where(e => e.Value.Dirty).ToList();
        if (changes.Count == 0)
        {
            return;
        }
        var transaction = redis.CreateTransaction();
        var writes = new List<Task>();
        foreach (var (name, entry) in changes)
        {
            var key = Key(name);
            if (entry.Removed)
            {
                writes.Add(transaction.KeyDeleteAsync(key));
                continue;
            }
            writes.Add(transaction.HashSetAsync(key, "data", JsonSerializer.Serialize(entry.Value, json)));
            writes.Add(transaction.HashIncrementAsync(key, "version"));
            writes.Add(entry.Ttl is { } ttl ? transaction.KeyExpireAsync(key, ttl) : transaction.KeyPersistAsync(key));
        }
        await transaction.ExecuteAsync();
        await Task.WhenAll(writes);
        foreach (var (name, entry) in changes)
        {
            if (entry.Removed)
            {
                _entries.Remove(name);
            }
            else
            {
                _entries[name] = entry with { Dirty = false };
            }
        }
    }

    private async Task<bool> TryAddAsync<T>(string stateName, T value, TimeSpan? ttl)
    {
        if (await ContainsStateAsync(stateName))
        {
            return false;
        }
        _entries[stateName] = new Entry(value, Dirty: true, Removed: false, ttl);
        return true;
    }

    private async Task<T> GetOrAddAsync<T>(string stateName, T value, TimeSpan? ttl)
    {
        var found = await TryGetStateAsync<T>(stateName);
        if (found.HasValue)
        {
            return found.Value;
        }
        _entries[stateName] = new Entry(value, Dirty: true, Removed: false, ttl);
        return value;
    }

    private async Task<T> AddOrUpdateAsync<T>(string stateName, T addValue, Func<string, T, T> update, TimeSpan? ttl)
    {
        var found = await TryGetStateAsync<T>(stateName);
        var value = found.HasValue ? update(stateName, found.Value) : addValue;
        _entries[stateName] = new Entry(value, Dirty: true, Removed: false, ttl);
        return value;
    }

    private async Task<Entry?> LoadAsync<T>(string stateName)
    {
        if (_entries.TryGetValue(stateName, out var cached))
        {
            return cached;
        }
        var data = await redis.HashGetAsync(Key(stateName), "data");
        if (data.IsNull)
        {
            return null;
        }
        var entry = new Entry(JsonSerializer.Deserialize<T>((string)data!, json), Dirty: false, Removed: false, null);
        _entries[stateName] = entry;
        return entry;
    }

    private string Key(string stateName) => $"{actorKey}||{stateName}";

    private sealed record Entry(object? Value, bool Dirty, bool Removed, TimeSpan? Ttl);
}
