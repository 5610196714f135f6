namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Search reads products only: prices, stock and search columns are materialised there. Typo tolerance works per
/// word: a query word that no catalog word starts with stands for its three most similar catalog words (pg_trgm
/// similarity of at least 0.3: "eldan" → "elden" or "eldem"), then every word must be present, as a prefix, in
/// the title or its aliases (full-text search over the GIN index).
/// </summary>
internal static class SearchSql
{
    // Orders whose lines count as sold, for sorting by bestselling.
    internal const string SoldStatuses = "('paid', 'fulfilling', 'completed', 'partially_refunded')";

    // The price facet's bands, as catalog_price_band (0007) assigns them and SearchRequest.BandEdges lists their edges.
    internal const string PriceBands = "(VALUES ('0-10', 0, 10), ('10-20', 10, 20), ('20-40', 20, 40), ('40-70', 40, 70), ('70+', 70, NULL)) AS b (label, low, high)";

    private const string Query = """
        query AS MATERIALIZED (
            SELECT catalog_search_text(@Q) AS text,
                   catalog_search_query(@Q) AS words,
                   (SELECT to_tsquery('simple', string_agg(coalesce(fix.alternatives, quote_literal(typed.word) || ':*'), ' & '))
                    FROM unnest(string_to_array(catalog_search_text(@Q), ' ')) AS typed (word)
                    LEFT JOIN LATERAL (
                        SELECT '(' || string_agg(quote_literal(nearest.word) || ':*', ' | ') || ')' AS alternatives
                        FROM (SELECT w.word FROM catalog_words w
                              WHERE NOT EXISTS (SELECT 1 FROM catalog_words known WHERE known.word LIKE typed.word || '%')
                                AND w.word % typed.word
                              ORDER BY similarity(w.word, typed.word) DESC, w.word
                              LIMIT 3) nearest
                    ) fix ON true
                    WHERE typed.word <> '') AS corrected
        )
        """;

    // Columns of `page` below; the same order serves the LIMIT and the aggregate that keeps it.
    private const string PageOrder = """
        tier DESC,
        CASE WHEN @Sort = 'relevance' THEN title_length END ASC,
        CASE WHEN @Sort = 'price_asc' THEN price END ASC NULLS LAST,
        CASE WHEN @Sort = 'price_desc' THEN price END DESC NULLS LAST,
        CASE WHEN @Sort = 'newest' THEN release_date END DESC NULLS LAST,
        sold DESC NULLS LAST,
        id
        """;

    // One facet: values counted over the matches that pass every filter but the facet's own.
    internal const string FacetJson = "coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY {0}), '[]')";

    /// <summary>
    /// One row: the total, the page of items and every facet as JSON. Relevance ranks an exact title over a title
    /// prefix over all typed words present over words present only once corrected, then shorter titles first (fewer
    /// words besides the ones searched for); ties in any sort go by id, so pages are stable.
    /// </summary>
    public static readonly string Search = Statement("@Q::text IS NULL OR p.search @@ (SELECT corrected FROM query)");

    /// <summary>
    /// <see cref="Search"/> for queries with words: matching only through the GIN index, so one generic plan serves
    /// every query and the statement can stay prepared instead of being planned (over a millisecond) each time.
    /// </summary>
    public static readonly string SearchWords = Statement("p.search @@ (SELECT corrected FROM query)");

    private static string Statement(string match) => $$"""
        WITH {{Query}}, matched AS MATERIALIZED (
            -- Only what filters, facets and sorts read: browsing materialises the whole catalog here.
            SELECT p.id, p.platform, p.region, p.price, p.in_stock, p.release_date, p.genres, length(p.search_title) AS title_length,
                   CASE WHEN q.text IS NULL OR @Sort <> 'relevance' THEN 0
                        WHEN p.search_title = q.text THEN 3
                        WHEN p.search_title LIKE q.text || '%' THEN 2
                        WHEN p.search @@ q.words THEN 1
                        ELSE 0 END AS tier,
                   (@Platform::text IS NULL OR p.platform = @Platform) AS by_platform,
                   (@Region::text IS NULL OR p.region = @Region) AS by_region,
                   (@Genre::text IS NULL OR @Genre = ANY (p.genres)) AS by_genre,
                   ((@MinPrice::numeric IS NULL OR p.price >= @MinPrice) AND (@MaxPrice::numeric IS NULL OR p.price <= @MaxPrice)) AS by_price,
                   (@InStock::boolean IS NULL OR p.in_stock = @InStock) AS by_stock
            FROM products p, query q
            -- The scalar subquery, unlike the join, is a value the planner can take to the GIN index.
            WHERE {{match}}
        ), filtered AS (
            SELECT * FROM matched WHERE by_platform AND by_region AND by_genre AND by_price AND by_stock
        )
        SELECT
            (SELECT count(*) FROM filtered) AS Total,
            (SELECT coalesce(json_agg(json_build_object(
                        'slug', slug, 'title', title, 'platform', platform, 'region', region, 'edition', edition,
                        'imageUrl', image_url, 'price', price, 'currency', @Currency, 'inStock', in_stock, 'releaseDate', release_date)
                    ORDER BY {{PageOrder}}), '[]')
             FROM (SELECT f.*,
                          CASE WHEN @Sort = 'bestselling' THEN
                              (SELECT sum(l.quantity) FROM order_lines l JOIN orders o ON o.id = l.order_id
                               WHERE l.product_id = f.id AND o.status IN {{SoldStatuses}})
                          END AS sold
                   FROM filtered f
                   ORDER BY {{PageOrder}}
                   LIMIT @Limit OFFSET @Offset) page
             CROSS JOIN LATERAL (SELECT slug, title, edition, image_url FROM products WHERE products.id = page.id) shown) AS Items,
            (SELECT {{string.Format(FacetJson, "n DESC, value")}} FROM (
                SELECT platform AS value, count(*) AS n FROM matched
                WHERE by_region AND by_genre AND by_price AND by_stock GROUP BY platform) f) AS Platform,
            (SELECT {{string.Format(FacetJson, "n DESC, value")}} FROM (
                SELECT region AS value, count(*) AS n FROM matched
                WHERE by_platform AND by_genre AND by_price AND by_stock GROUP BY region) f) AS Region,
            (SELECT {{string.Format(FacetJson, "n DESC, value")}} FROM (
                SELECT genre AS value, count(*) AS n FROM matched, unnest(genres) AS genre
                WHERE by_platform AND by_region AND by_price AND by_stock GROUP BY genre ORDER BY n DESC, genre LIMIT 30) f) AS Genre,
            (SELECT {{string.Format(FacetJson, "low")}} FROM (
                SELECT b.label AS value, b.low, count(*) AS n
                FROM matched m JOIN {{PriceBands}} ON m.price >= b.low AND (b.high IS NULL OR m.price < b.high)
                WHERE by_platform AND by_region AND by_genre AND by_stock GROUP BY b.label, b.low) f) AS PriceBand,
            (SELECT {{string.Format(FacetJson, "value DESC")}} FROM (
                SELECT in_stock::text AS value, count(*) AS n FROM matched
                WHERE by_platform AND by_region AND by_genre AND by_price GROUP BY in_stock) f) AS InStock
        """;

    /// <summary>Distinct titles for instant suggestions: title prefixes first, then shorter titles.</summary>
    public static readonly string Suggest = $$"""
        WITH {{Query}}
        SELECT title FROM (
            SELECT DISTINCT ON (p.search_title) p.title, p.search_title,
                   p.search_title LIKE q.text || '%' AS prefix
            FROM products p, query q
            WHERE p.search @@ (SELECT corrected FROM query)
            ORDER BY p.search_title, p.in_stock DESC, p.id
        ) s
        ORDER BY prefix DESC, length(search_title), search_title
        LIMIT 8
        """;
}
