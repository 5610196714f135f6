namespace GamesDrop.Kernel.Features.Keys;

internal static class KeyVaultSql
{
    /// <summary>
    /// Stores sealed keys of one product, skipping any whose fingerprint the vault already has (also twice in one
    /// batch). Own stock arrives available; a supplier's delivery arrives sold to its line. Returns the fingerprints stored.
    /// </summary>
    public const string Store = """
        INSERT INTO product_keys (product_id, source, supplier_code, ciphertext, nonce, key_id, fingerprint, content_type,
                                  supplier_order_id, unit_cost, cost_currency, bought_at, status, order_line_id, sold_at, added_by)
        SELECT @ProductId, @Source, CAST(@Supplier AS text), k.ciphertext, k.nonce, k.key_id, k.fingerprint, k.content_type,
               CAST(@SupplierOrderId AS text), CAST(@UnitCost AS numeric), CAST(@CostCurrency AS char(3)), CAST(@BoughtAt AS timestamptz),
               CASE WHEN CAST(@LineId AS bigint) IS NULL THEN 'available' ELSE 'sold' END, CAST(@LineId AS bigint),
               CASE WHEN CAST(@LineId AS bigint) IS NULL THEN NULL ELSE now() END, CAST(@AddedBy AS uuid)
        FROM unnest(CAST(@Ciphertexts AS bytea[]), CAST(@Nonces AS bytea[]), CAST(@KeyIds AS text[]), CAST(@Fingerprints AS bytea[]),
                    CAST(@ContentTypes AS text[])) WITH ORDINALITY AS k (ciphertext, nonce, key_id, fingerprint, content_type, n)
        ORDER BY k.n
        ON CONFLICT (fingerprint) DO NOTHING
        RETURNING fingerprint
        """;

    public const string ProductBySlug = "SELECT id FROM products WHERE slug = @Slug";
}
