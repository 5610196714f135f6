using System.Text.Json;
using GamesDrop.BuildingBlocks.State;
using StackExchange.Redis;

namespace GamesDrop.Embedded.Runtime.State;

/// <summary>
/// Embedded profile: Redis used the way Dapr's state.redis uses it: key <c>appid||key</c>, a hash with
/// <c>data</c> and <c>version</c>, the version being the ETag, checked and bumped atomically in Lua.
/// </summary>
internal sealed class RedisStateStore(IConnectionMultiplexer redis, string appId) : IStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Same rule as daprd: a given ETag must match an existing version; no ETag writes unconditionally.
    private static readonly LuaScript Set = LuaScript.Prepare("""
        local version = redis.call('HGET', @key, 'version')
        if @etag ~= '' and version ~= @etag then return -1 end
        redis.call('HSET', @key, 'data', @data)
        local next = redis.call('HINCRBY', @key, 'version', 1)
        if tonumber(@ttl) > 0 then redis.call('EXPIRE', @key, @ttl) else redis.call('PERSIST', @key) end
        return next
        """);

    private static readonly LuaScript Delete = LuaScript.Prepare("""
        local version = redis.call('HGET', @key, 'version')
        if @etag ~= '' and version ~= @etag then return 0 end
        redis.call('DEL', @key)
        return 1
        """);

    public async Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct = default)
    {
        var fields = await redis.GetDatabase().HashGetAsync(Key(key), ["data", "version"]);
        if (fields[0].IsNull || fields[1].IsNull)
        {
            return null;
        }
        var value = JsonSerializer.Deserialize<T>((string)fields[0]!, Json);
        return value is null ? null : new StateEntry<T>(value, (string)fields[1]!);
    }

    public async Task<bool> TrySaveAsync<T>(string key, T value, string? etag = null, TimeSpan? ttl = null, CancellationToken ct = default)
    {
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(Set, new
        {
            key = (RedisKey)Key(key),
            etag = etag ?? "",
            data = JsonSerializer.Serialize(value, Json),
            ttl = ttl is { } t ? (long)Math.Ceiling(t.TotalSeconds) : 0,
        });
        return result > 0;
    }

    public async Task<bool> TryDeleteAsync(string key, string? etag = null, CancellationToken ct = default)
    {
        var result = (long)await redis.GetDatabase().ScriptEvaluateAsync(Delete, new { key = (RedisKey)Key(key), etag = etag ?? "" });
        return result == 1 || etag is null;
    }

    private string Key(string key) => $"{appId}||{key}";
}
