namespace GamesDrop.Kernel.Features.Wishlist;

internal static class WishlistSql
{
    public const int MaxItems = 100;

    // Column order is the order of WishlistItem's constructor, which Dapper matches.
    private const string Item = """
        p.slug AS Slug, p.title AS Title, p.platform AS Platform, p.region AS Region, p.image_url AS ImageUrl,
        p.price AS Price, @Currency AS Currency, p.in_stock AS InStock, w.target_price AS TargetPrice,
        coalesce(p.price <= w.target_price, false) AS Reached, w.created_at AS AddedAt
        """;

    public const string ByUser = $"""
        SELECT {Item} FROM wishlist_items w JOIN products p ON p.id = w.product_id
        WHERE w.user_id = @UserId ORDER BY w.created_at DESC, p.id
        """;

    /// <summary>
    /// Adds the product or sets its target. The user's row is locked first so concurrent additions cannot pass the item
    /// limit, then the product's, shared with repricing: the price read is the committed one, and a reprice waiting
    /// for the lock sees this item. An item already at or below its target counts as alerted at that price, since the
    /// shopper sees the price as they set it. Result sets: the user, the product, the item when written, the item.
    /// </summary>
    public const string Put = $"""
        SELECT id FROM users WHERE id = @UserId FOR NO KEY UPDATE;
        SELECT id FROM products WHERE slug = @Slug FOR SHARE;

        INSERT INTO wishlist_items (user_id, product_id, target_price, last_alerted_price)
        SELECT @UserId, p.id, @TargetPrice, CASE WHEN p.price <= @TargetPrice THEN p.price END
        FROM products p
        WHERE p.slug = @Slug
          AND EXISTS (SELECT 1 FROM users WHERE id = @UserId)
          AND (EXISTS (SELECT 1 FROM wishlist_items WHERE user_id = @UserId AND product_id = p.id)
               OR (SELECT count(*) FROM wishlist_items WHERE user_id = @UserId) < @MaxItems)
        ON CONFLICT (user_id, product_id) DO UPDATE
        SET target_price = excluded.target_price, last_alerted_price = excluded.last_alerted_price
        RETURNING product_id;

        SELECT {Item} FROM wishlist_items w JOIN products p ON p.id = w.product_id
        WHERE w.user_id = @UserId AND p.slug = @Slug;
        """;

    public const string Delete = """
        DELETE FROM wishlist_items w USING products p
        WHERE p.id = w.product_id AND p.slug = @Slug AND w.user_id = @UserId
        """;

    /// <summary>
    /// Run right after <c>PricingSql.Reprice</c> over the same <c>targets</c>, in its transaction: an item whose product
    /// now sells at or below its target, and below the price it was last alerted at, is alerted at the new price and
    /// returned; an item whose product went above its target or out of sale is re-armed. A repeated price is no drop.
    /// </summary>
    public static string PriceDrops(string targets) => $$"""
        WITH changed AS (
            UPDATE wishlist_items w
            SET last_alerted_price = CASE WHEN p.price <= w.target_price THEN p.price END
            FROM products p
            WHERE p.id = w.product_id AND w.product_id IN ({{targets}})
              AND ((p.price <= w.target_price AND (w.last_alerted_price IS NULL OR p.price < w.last_alerted_price))
                   OR (w.last_alerted_price IS NOT NULL AND (p.price IS NULL OR w.target_price IS NULL OR p.price > w.target_price)))
            RETURNING w.user_id, w.target_price, w.last_alerted_price, p.slug, p.title
        )
        SELECT c.user_id AS UserId, u.email AS Email, u.display_name AS DisplayName, c.slug AS Slug, c.title AS Title,
               c.last_alerted_price AS Price, c.target_price AS TargetPrice, now() AS DroppedAt
        FROM changed c JOIN users u ON u.id = c.user_id
        WHERE c.last_alerted_price IS NOT NULL
        ORDER BY c.user_id, c.slug;
        """;
}
