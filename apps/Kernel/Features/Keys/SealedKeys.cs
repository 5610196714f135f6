using Dapper;
using Npgsql;

namespace GamesDrop.Kernel.Features.Keys;

/// <summary>
/// Where stored keys came from: own stock has no supplier; a supplier delivery names its order, cost and line; a key an
/// admin pasted (source <c>manual</c>) names the admin and its line.
/// </summary>
internal sealed record KeyProvenance(
    string Source, string? Supplier = null, string? SupplierOrderId = null, decimal? UnitCost = null, string? CostCurrency = null,
    DateTimeOffset? BoughtAt = null, long? LineId = null, Guid? AddedBy = null);

/// <summary>Seals keys and stores them in the caller's transaction.</summary>
internal static class SealedKeys
{
    /// <summary>Stores the keys of <paramref name="productId"/>; returns the fingerprints of those new to the vault.</summary>
    public static async Task<IReadOnlyList<byte[]>> StoreAsync(
        KeyVault vault, NpgsqlTransaction transaction, long productId, IReadOnlyList<(string Value, string ContentType)> keys,
        KeyProvenance provenance, CancellationToken ct)
    {
        var sealedKeys = new List<SealedKey>(keys.Count);
        foreach (var key in keys)
        {
            sealedKeys.Add(await vault.SealAsync(key.Value, ct));
        }
        var stored = await transaction.Connection!.QueryAsync<byte[]>(new CommandDefinition(KeyVaultSql.Store, new
        {
            ProductId = productId,
            provenance.Source,
            provenance.Supplier,
            provenance.SupplierOrderId,
            provenance.UnitCost,
            provenance.CostCurrency,
            provenance.BoughtAt,
            provenance.LineId,
            provenance.AddedBy,
            Ciphertexts = sealedKeys.Select(k => k.Ciphertext).ToArray(),
            Nonces = sealedKeys.Select(k => k.Nonce).ToArray(),
            KeyIds = sealedKeys.Select(k => k.KeyId).ToArray(),
            Fingerprints = sealedKeys.Select(k => k.Fingerprint).ToArray(),
            ContentTypes = keys.Select(k => k.ContentType).ToArray(),
        }, transaction, cancellationToken: ct));
        return stored.ToList();
    }
}
