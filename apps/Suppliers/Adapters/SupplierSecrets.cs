using System.Collections.Concurrent;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Suppliers.Adapters;

/// <summary>Supplier credentials from the secret store, kept once read.</summary>
public sealed class SupplierSecrets([FromKeyedServices(AppIds.Suppliers)] ISecretStore store)
{
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public async Task<string> GetAsync(string name, CancellationToken ct)
    {
        if (_cache.TryGetValue(name, out var cached))
        {
            return cached;
        }
        // A failed read throws and is not kept, so a secret set later is found.
        return _cache[name] = await store.GetAsync(name, ct);
    }
}
