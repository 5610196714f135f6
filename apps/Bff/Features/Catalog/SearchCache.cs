using GamesDrop.Contracts.Catalog;
using Microsoft.Extensions.Caching.Memory;

namespace GamesDrop.Bff.Features.Catalog;

/// <summary>
/// Search and suggestion answers by normalised query, for <see cref="CatalogOptions.SearchCacheFor"/> (default 30 s). Shoppers repeat searches and browsing filters far more than
/// prices change, and product pages and checkout always read live prices. Its own bounded cache, so other apps
/// in the same host cannot fill it.
/// </summary>
public sealed class SearchCache(CatalogOptions options) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public TimeSpan For { get; } = options.SearchCacheFor;

    /// <summary>
    /// The cache key of a search: its parameters in one order, the words in lower case (search compares them so;
    /// lowercasing keeps the length the kernel validates). Filters keep their case: genres match exactly.
    /// </summary>
    public static string SearchKey(SearchParameters search) => "search" + (search with { Q = search.Q?.ToLowerInvariant() }).ToQueryString();

    public static string SuggestKey(string? q) => "suggest?" + q?.ToLowerInvariant();

    /// <summary>
    /// The cached answer, or <paramref name="load"/>'s. Shoppers asking the same while it loads share that one call;
    /// a failed call is not kept.
    /// </summary>
    public Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> load)
    {
        if (For <= TimeSpan.Zero)
        {
            return load();
        }
        if (_entries.TryGetValue(key, out Task<T>? cached) && cached is { IsFaulted: false, IsCanceled: false })
        {
            return cached;
        }
        var loading = load();
        _entries.Set(key, loading, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = For, Size = 1 });
        loading.ContinueWith(_ =>
        {
            if (_entries.TryGetValue(key, out Task<T>? current) && current == loading)
            {
                _entries.Remove(key);
            }
        }, CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        return loading;
    }

    public void Dispose() => _entries.Dispose();
}
