using System.Collections.Concurrent;
using GamesDrop.BuildingBlocks.Secrets;

namespace GamesDrop.Suppliers.Adapters;

/// <summary>Supplier credentials from the secret store, kept once read.</summary>
public sealed class SupplierSecrets(ISecretStore store)
{
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public async Task<string> GetAsync(string name, CancellationToken ct)
    {
        if (_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var value = await store.GetAsync(name, ct)
            ?? throw new InvalidOperationException($"Secret '{name}' is not set (secret store, or Secrets:{name} when Embedded).");
        return _cache[name] = value;
    }
}
