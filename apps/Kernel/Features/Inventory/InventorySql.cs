namespace GamesDrop.Kernel.Features.Inventory;

internal static class InventorySql
{
    public const string ProductsBySlug = "SELECT slug AS Slug, id AS Id FROM products WHERE slug = ANY (@Slugs)";

    public const string StoredFingerprints = "SELECT fingerprint FROM product_keys WHERE fingerprint = ANY (@Fingerprints)";

    /// <summary>Own-stock keys per product, the emptiest shelves first.</summary>
    public const string Counts = """
        SELECT p.slug AS Slug, p.title AS Title,
               count(*) FILTER (WHERE k.status = 'available')::int AS Available,
               count(*) FILTER (WHERE k.status = 'reserved')::int AS Reserved,
               count(*) FILTER (WHERE k.status = 'sold')::int AS Sold,
               count(*) FILTER (WHERE k.status = 'available') <= @Threshold AS Low
        FROM product_keys k JOIN products p ON p.id = k.product_id
        WHERE k.source = 'stock'
        GROUP BY p.id
        ORDER BY Available, p.title
        LIMIT 1000
        """;
}
