namespace GamesDrop.Kernel.Features.Home;

/// <summary>
/// The home page's rows, one game per card as search shows it: each row's statement ranks products, keeps a game's
/// best-ranked variant, and reads the card of that variant with its game's platforms.
/// </summary>
internal static class HomeSql
{
    // The card of each ranked product (id, rank), one per game, best rank first.
    private static string Cards(string ranked) => $$"""
        WITH ranked AS ({{ranked}}
        ), games AS (
            SELECT DISTINCT ON (p.search_title) r.id, r.rank, p.search_title
            FROM ranked r JOIN products p ON p.id = r.id
            ORDER BY p.search_title, r.rank DESC, r.id
        ), top AS (
            SELECT * FROM games ORDER BY rank DESC, id LIMIT @Limit
        )
        SELECT p.slug AS Slug, p.title AS Title, p.platform AS Platform, p.region AS Region, p.edition AS Edition,
               p.image_url AS ImageUrl,
               (SELECT min(v.price) FROM products v WHERE v.search_title = t.search_title AND v.in_stock) AS Price, @Currency AS Currency, p.in_stock AS InStock, p.release_date AS ReleaseDate,
               (SELECT array_agg(DISTINCT v.platform ORDER BY v.platform) FROM products v WHERE v.search_title = t.search_title) AS Platforms,
               (SELECT count(*)::int FROM products v WHERE v.search_title = t.search_title) AS Variants
        FROM top t JOIN products p ON p.id = t.id
        ORDER BY t.rank DESC, t.id
        """;

    /// <summary>
    /// Best deals: in stock below the price it usually had over 90 days (the median of its recorded prices), by the
    /// share saved.
    /// </summary>
    public static readonly string Deals = Cards("""
        SELECT p.id, (u.usual - p.price) / u.usual AS rank
        FROM products p
        CROSS JOIN LATERAL (
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY h.price)::numeric AS usual
            FROM product_price_history h
            WHERE h.product_id = p.id AND h.price IS NOT NULL AND h.recorded_at >= now() - interval '90 days') u
        WHERE p.in_stock AND p.price_updated_at >= now() - interval '90 days' AND u.usual > p.price
        """);

    /// <summary>New releases: released already, the latest first.</summary>
    public static readonly string NewReleases = Cards("""
        SELECT p.id, p.release_date - DATE '1970-01-01' AS rank FROM products p
        WHERE p.in_stock AND p.release_date <= current_date
        """);

    /// <summary>Bestsellers: units sold of the whole game (game_sales), its variants in stock.</summary>
    public static readonly string Bestsellers = Cards("""
        SELECT p.id, g.sold AS rank FROM game_sales g JOIN products p ON p.search_title = g.search_title
        WHERE p.in_stock AND g.sold > 0
        """);

    /// <summary>
    /// Back in stock: could not be bought (its price was cleared), and can again since the last 14 days; the most recent
    /// comeback first. The comeback is the first price after the latest clearing, so a game that changes price once it
    /// is back stays in the row.
    /// </summary>
    public static readonly string BackInStock = Cards("""
        SELECT p.id, extract(epoch FROM back.recorded_at) AS rank
        FROM products p
        CROSS JOIN LATERAL (
            SELECT h.recorded_at, h.id FROM product_price_history h WHERE h.product_id = p.id AND h.price IS NULL
            ORDER BY h.recorded_at DESC, h.id DESC LIMIT 1) gone
        CROSS JOIN LATERAL (
            SELECT h.recorded_at FROM product_price_history h
            WHERE h.product_id = p.id AND h.price IS NOT NULL AND (h.recorded_at, h.id) > (gone.recorded_at, gone.id)
            ORDER BY h.recorded_at, h.id LIMIT 1) back
        WHERE p.in_stock AND back.recorded_at >= now() - interval '14 days'
        """);
}
