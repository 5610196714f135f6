namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Browsing without words, in the same row shape as <see cref="SearchSql.Search"/>: the total and facets summed from
/// the facet cube (migration 0007), the page read from the index of its sort. Only for price bounds that are band
/// edges (<see cref="SearchRequest.BandEdges"/>): the cube counts whole bands, and an inclusive maximum adds the
/// products priced exactly at it, which an index finds.
/// </summary>
internal static class BrowseSql
{
    // Filters on products, for the page; the same as the cube's flags below.
    private const string Filters = """
        (@Platform::text IS NULL OR p.platform = @Platform)
        AND (@Region::text IS NULL OR p.region = @Region)
        AND (@Genre::text IS NULL OR @Genre = ANY (p.genres))
        AND (@MinPrice::numeric IS NULL OR p.price >= @MinPrice) AND (@MaxPrice::numeric IS NULL OR p.price <= @MaxPrice)
        AND (@InStock::boolean IS NULL OR p.in_stock = @InStock)
        """;

    // Each sort as an index order (0007): without words every relevance tier is equal, so shorter titles come first.
    private static readonly Dictionary<string, string> Orders = new()
    {
        ["relevance"] = "length(p.search_title), p.id",
        ["price_asc"] = "p.price, p.id",
        ["price_desc"] = "p.price DESC NULLS LAST, p.id",
        ["newest"] = "p.release_date DESC NULLS LAST, p.id",
    };

    // Best sellers are the few products with sales; the rest follow by id, which the primary key reads in order.
    private static readonly string BestsellingPage = $$"""
        SELECT id, row_number() OVER (ORDER BY sold DESC NULLS LAST, id) AS position FROM (
            (SELECT p.id, s.sold FROM sold s JOIN products p ON p.id = s.product_id
             WHERE {{Filters}} ORDER BY s.sold DESC, p.id LIMIT @Limit + @Offset)
            UNION ALL
            (SELECT p.id, NULL FROM products p
             WHERE {{Filters}} AND NOT EXISTS (SELECT 1 FROM sold s WHERE s.product_id = p.id) ORDER BY p.id LIMIT @Limit + @Offset)
        ) ranked
        ORDER BY sold DESC NULLS LAST, id LIMIT @Limit OFFSET @Offset
        """;

    /// <summary>The statement for each sort.</summary>
    public static readonly IReadOnlyDictionary<string, string> Browse = SearchRequest.Sorts.ToDictionary(sort => sort, sort => Statement(
        sort == "bestselling" ? BestsellingPage
            : $"SELECT p.id, row_number() OVER (ORDER BY {Orders[sort]}) AS position FROM products p WHERE {Filters} ORDER BY {Orders[sort]} LIMIT @Limit OFFSET @Offset"));

    private static string Statement(string page) => $$"""
        WITH sold AS (
            SELECT l.product_id, sum(l.quantity) AS sold
            FROM order_lines l JOIN orders o ON o.id = l.order_id
            WHERE o.status IN {{SearchSql.SoldStatuses}}
            GROUP BY l.product_id
        ), page AS MATERIALIZED ({{page}}
        ), cells AS (
            SELECT genre, platform, region, band, in_stock, n, false AS edge FROM catalog_facet_cells
            UNION ALL
            SELECT genre, platform, region, band, in_stock, n, false FROM catalog_facet_changes
            UNION ALL
            SELECT g.genre, p.platform, p.region, NULL, p.in_stock, 1, true
            FROM products p CROSS JOIN LATERAL (SELECT NULL::text AS genre UNION ALL SELECT DISTINCT unnest(p.genres)) g
            WHERE p.price = @MaxPrice
        ), flagged AS MATERIALIZED (
            SELECT c.genre, c.platform, c.region, c.band, c.in_stock, c.n, c.edge,
                   -- Genre rows count per genre; the others count each product once, or, filtered by genre, its own row.
                   c.genre IS NOT DISTINCT FROM @Genre::text AS once,
                   (@Platform::text IS NULL OR c.platform = @Platform) AS by_platform,
                   (@Region::text IS NULL OR c.region = @Region) AS by_region,
                   (c.edge OR (@MinPrice::numeric IS NULL AND @MaxPrice::numeric IS NULL)
                    OR EXISTS (SELECT 1 FROM {{SearchSql.PriceBands}} WHERE b.label = c.band AND b.low >= coalesce(@MinPrice, 0)
                               AND (@MaxPrice::numeric IS NULL OR b.high <= @MaxPrice))) AS by_price,
                   (@InStock::boolean IS NULL OR c.in_stock = @InStock) AS by_stock
            FROM cells c
        )
        SELECT
            (SELECT coalesce(sum(n), 0)::bigint FROM flagged WHERE once AND by_platform AND by_region AND by_price AND by_stock) AS Total,
            (SELECT coalesce(json_agg(json_build_object(
                        'slug', p.slug, 'title', p.title, 'platform', p.platform, 'region', p.region, 'edition', p.edition,
                        'imageUrl', p.image_url, 'price', p.price, 'currency', @Currency, 'inStock', p.in_stock, 'releaseDate', p.release_date)
                    ORDER BY page.position), '[]')
             FROM page JOIN products p ON p.id = page.id) AS Items,
            (SELECT {{string.Format(SearchSql.FacetJson, "n DESC, value")}} FROM (
                SELECT platform AS value, sum(n) AS n FROM flagged
                WHERE once AND by_region AND by_price AND by_stock GROUP BY platform HAVING sum(n) > 0) f) AS Platform,
            (SELECT {{string.Format(SearchSql.FacetJson, "n DESC, value")}} FROM (
                SELECT region AS value, sum(n) AS n FROM flagged
                WHERE once AND by_platform AND by_price AND by_stock GROUP BY region HAVING sum(n) > 0) f) AS Region,
            (SELECT {{string.Format(SearchSql.FacetJson, "n DESC, value")}} FROM (
                SELECT genre AS value, sum(n) AS n FROM flagged
                WHERE genre IS NOT NULL AND by_platform AND by_region AND by_price AND by_stock
                GROUP BY genre HAVING sum(n) > 0 ORDER BY n DESC, genre LIMIT 30) f) AS Genre,
            (SELECT {{string.Format(SearchSql.FacetJson, "low")}} FROM (
                SELECT b.label AS value, b.low, sum(c.n) AS n
                FROM flagged c JOIN {{SearchSql.PriceBands}} ON b.label = c.band
                WHERE once AND NOT edge AND by_platform AND by_region AND by_stock GROUP BY b.label, b.low HAVING sum(c.n) > 0) f) AS PriceBand,
            (SELECT {{string.Format(SearchSql.FacetJson, "value DESC")}} FROM (
                SELECT in_stock::text AS value, sum(n) AS n FROM flagged
                WHERE once AND by_platform AND by_region AND by_price GROUP BY in_stock HAVING sum(n) > 0) f) AS InStock
        """;
}
