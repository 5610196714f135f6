namespace GamesDrop.Kernel.Features.Suppliers;

internal static class SuppliersSql
{
    private const string Columns = """
        code AS Code, name AS Name, currency AS Currency, enabled AS Enabled, reachable AS Reachable,
        reachable_changed_at AS ReachableChangedAt, last_full_sync_at AS LastFullSyncAt
        """;

    public const string All = $"SELECT {Columns} FROM suppliers ORDER BY code";

    public const string EnabledByCode = "SELECT enabled FROM suppliers WHERE code = @Code FOR UPDATE";

    public const string Upsert = $"""
        INSERT INTO suppliers (code, name, currency, enabled) VALUES (@Code, @Name, @Currency, coalesce(@Enabled, true))
        ON CONFLICT (code) DO UPDATE
        SET name = excluded.name, currency = excluded.currency, enabled = coalesce(@Enabled, suppliers.enabled)
        RETURNING {Columns}
        """;

    /// <summary>Returns the supplier whatever happened; Changed says whether its reachability flipped.</summary>
    public const string SetReachable = $"""
        WITH flipped AS (
            UPDATE suppliers SET reachable = @Reachable, reachable_changed_at = now()
            WHERE code = @Code AND reachable <> @Reachable
            RETURNING {Columns}
        )
        SELECT *, true AS Changed FROM flipped
        UNION ALL
        SELECT {Columns}, false FROM suppliers WHERE code = @Code AND NOT EXISTS (SELECT 1 FROM flipped)
        """;
}
