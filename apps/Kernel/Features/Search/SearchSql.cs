namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Search reads products only: prices, stock and search columns are materialised there. Immutable functions of
/// the query (<c>catalog_search_text</c>, <c>catalog_search_query</c>) fold into constants when planned, so
/// the GIN indexes serve both the full-text and the trigram condition.
/// </summary>
internal static class SearchSql
{
    // Columns of `page` below; the same order serves the LIMIT and the aggregate that keeps it.
    private const string PageOrder = """
        tier DESC, similarity DESC,
        CASE WHEN @Sort = 'price_asc' THEN price END ASC NULLS LAST,
        CASE WHEN @Sort = 'price_desc' THEN price END DESC NULLS LAST,
        CASE WHEN @Sort = 'newest' THEN release_date END DESC NULLS LAST,
        sold DESC NULLS LAST,
        id
        """;

    // One facet: values counted over the matches that pass every filter but the facet's own.
    private const string FacetJson = "coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY {0}), '[]')";

    /// <summary>
    /// One row: the total, the page of items and every facet as JSON. Relevance ranks an exact title over a title
    /// prefix over all words present (as prefixes) over a typo match, then by word similarity. A typo match is
    /// pg_trgm's default: similarity to the whole title of 0.3 ("eldan ring"), or word similarity to part of it
    /// of 0.6 ("witchr" in "The Witcher 3").
    /// </summary>
    public static readonly string Search = $$"""
        WITH matched AS MATERIALIZED (
            SELECT p.id, p.slug, p.title, p.platform, p.region, p.edition, p.image_url, p.price, p.in_stock, p.release_date, p.genres,
                   CASE WHEN @Q::text IS NULL OR @Sort <> 'relevance' THEN 0
                        WHEN p.search_title = catalog_search_text(@Q) THEN 3
                        WHEN p.search_title LIKE catalog_search_text(@Q) || '%' THEN 2
                        WHEN p.search @@ catalog_search_query(@Q) THEN 1
                        ELSE 0 END AS tier,
                   CASE WHEN @Q::text IS NULL OR @Sort <> 'relevance' THEN 0
                        ELSE word_similarity(catalog_search_text(@Q), p.search_title) END AS similarity,
                   (@Platform::text IS NULL OR p.platform = @Platform) AS by_platform,
                   (@Region::text IS NULL OR p.region = @Region) AS by_region,
                   (@Genre::text IS NULL OR @Genre = ANY (p.genres)) AS by_genre,
                   ((@MinPrice::numeric IS NULL OR p.price >= @MinPrice) AND (@MaxPrice::numeric IS NULL OR p.price <= @MaxPrice)) AS by_price,
                   (@InStock::boolean IS NULL OR p.in_stock = @InStock) AS by_stock
            FROM products p
            WHERE @Q::text IS NULL OR p.search @@ catalog_search_query(@Q)
               OR catalog_search_text(@Q) % p.search_title OR catalog_search_text(@Q) <% p.search_title
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
                               WHERE l.product_id = f.id AND o.status IN ('paid', 'fulfilling', 'completed', 'partially_refunded'))
                          END AS sold
                   FROM filtered f
                   ORDER BY {{PageOrder}}
                   LIMIT @Limit OFFSET @Offset) page) AS Items,
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
                FROM matched m JOIN (VALUES ('0-10', 0, 10), ('10-20', 10, 20), ('20-40', 20, 40), ('40-70', 40, 70), ('70+', 70, NULL))
                                    AS b (label, low, high) ON m.price >= b.low AND (b.high IS NULL OR m.price < b.high)
                WHERE by_platform AND by_region AND by_genre AND by_stock GROUP BY b.label, b.low) f) AS PriceBand,
            (SELECT {{string.Format(FacetJson, "value DESC")}} FROM (
                SELECT in_stock::text AS value, count(*) AS n FROM matched
                WHERE by_platform AND by_region AND by_genre AND by_price GROUP BY in_stock) f) AS InStock
        """;

    /// <summary>Distinct titles for instant suggestions: title prefixes first, then word and typo matches.</summary>
    public const string Suggest = """
        SELECT title FROM (
            SELECT DISTINCT ON (p.search_title) p.title, p.search_title,
                   p.search_title LIKE catalog_search_text(@Q) || '%' AS prefix,
                   word_similarity(catalog_search_text(@Q), p.search_title) AS similarity
            FROM products p
            WHERE p.search_title LIKE catalog_search_text(@Q) || '%'
               OR p.search @@ catalog_search_query(@Q)
               OR catalog_search_text(@Q) % p.search_title OR catalog_search_text(@Q) <% p.search_title
            ORDER BY p.search_title, p.in_stock DESC, p.id
        ) s
        ORDER BY prefix DESC, similarity DESC, search_title
        LIMIT 8
        """;
}
