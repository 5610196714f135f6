using Microsoft.Extensions.Caching.Memory;

namespace GamesDrop.Bff.Features.Catalog;

/// <summary>
/// Search and suggestion answers by query string, for <see cref="For"/> (config Catalog:SearchCacheFor, default 30 s).
/// Browsing by filters alone aggregates facets over the whole catalog; shoppers repeat those queries far more than
/// prices change, and product pages and checkout always read live prices. Its own bounded cache, so other apps in
/// the same host cannot fill it.
/// </summary>
public sealed class SearchCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public TimeSpan For { get; } = configuration.GetValue("Catalog:SearchCacheFor", TimeSpan.FromSeconds(30));

    public async Task<T?> GetOrAddAsync<T>(string key, Func<Task<T?>> load) where T : class
    {
        if (_entries.TryGetValue(key, out T? cached))
        {
            return cached;
        }
        var value = await load();
        if (value is not null && For > TimeSpan.Zero)
        {
            _entries.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = For, Size = 1 });
        }
        return value;
    }

    public void Dispose() => _entries.Dispose();
}
