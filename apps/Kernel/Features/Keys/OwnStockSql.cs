namespace GamesDrop.Kernel.Features.Keys;

internal static class OwnStockSql
{
    /// <summary>
    /// Of <c>@ProductIds</c>, those now at or under <c>@Threshold</c> available keys that were not marked low yet, marked in
    /// the same statement: concurrent sales of the last keys insert one mark, and only its inserter alerts.
    /// </summary>
    public const string MarkLow = """
        WITH counted AS (
            SELECT p.id AS product_id, p.slug, p.title,
                   (SELECT count(*)::int FROM product_keys k WHERE k.product_id = p.id AND k.status = 'available') AS available
            FROM products p WHERE p.id = ANY (@ProductIds)
        ), marked AS (
            INSERT INTO own_stock_low (product_id)
            SELECT product_id FROM counted WHERE available <= @Threshold
            ON CONFLICT (product_id) DO NOTHING
            RETURNING product_id
        )
        SELECT c.product_id AS ProductId, c.slug AS Slug, c.title AS Title, c.available AS Available
        FROM counted c JOIN marked m USING (product_id)
        ORDER BY c.product_id
        """;

    /// <summary>Marks of products restocked above the threshold go, so their next fall alerts again (only low products have one).</summary>
    public const string Rearm = """
        DELETE FROM own_stock_low l
        WHERE (SELECT count(*) FROM product_keys k WHERE k.product_id = l.product_id AND k.status = 'available') > @Threshold
        """;
}
