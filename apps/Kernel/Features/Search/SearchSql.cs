namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Search reads products only: prices, stock and search columns are materialised there. What a query asks for is
/// worked out once, before matching, by catalog_search_terms (0040): every word must be in the title or its
/// aliases, the last one as a prefix since it may still be being typed; a sequel number matches in Arabic or
/// Roman numerals ("witcher 3" finds "Witcher III", 2 to 20; "2077" stays itself); a word the catalog does not
/// know also matches its nearest catalog words within one typo from 5 letters and two from 9, a swap of two
/// neighbouring letters counting as one ("eldne" finds "elden"), and a typo in the first letter only when no
/// other correction exists. Matching goes through the GIN index on the tsquery of corrections.
/// </summary>
internal static class SearchSql
{
    // The price facet's bands.
    internal const string PriceBands = "(VALUES ('0-10', 0, 10), ('10-20', 10, 20), ('20-40', 20, 40), ('40-70', 40, 70), ('70+', 70, NULL)) AS b (label, low, high)";

    private const string Query = "query AS MATERIALIZED (SELECT * FROM catalog_search_terms(@Q))";

    // How results rank by relevance, each rule breaking the ties of the ones before it:
    //   1. the title is the query (numbers in either numeral);
    //   2. every word as typed is in the title (not only corrected, nor only in another supplier's name for it);
    //   3. the words are in the title in the order typed, each within three words of the one before ("ring elden"
    //      puts Ring of Elden Tales before Elden Ring);
    //   4. fewer typos: none, then one per word at most, then more;
    //   5. the last word is a whole word of the title rather than the start of a longer one;
    //   6. the game's popularity: units sold of all its editions (game_sales);
    //   7. within a game, editions in stock first, then the cheapest;
    //   8. shorter titles (fewer words besides the ones searched for).
    // Other sorts order by their own column. Ties in any sort go by id, so pages are stable.
    private const string PageOrder = """
        exact DESC NULLS LAST, all_words DESC NULLS LAST, in_order DESC NULLS LAST, typos ASC NULLS LAST,
        whole_last DESC NULLS LAST, popularity DESC NULLS LAST,
        CASE WHEN exact IS NOT NULL THEN in_stock END DESC NULLS LAST,
        CASE WHEN exact IS NOT NULL THEN price END ASC NULLS LAST,
        CASE WHEN @Sort = 'relevance' THEN title_length END ASC,
        CASE WHEN @Sort = 'price_asc' THEN price END ASC NULLS LAST,
        CASE WHEN @Sort = 'price_desc' THEN price END DESC NULLS LAST,
        CASE WHEN @Sort = 'newest' THEN release_date END DESC NULLS LAST,
        sold DESC NULLS LAST,
        id
        """;

    // One facet: values counted over the matches that pass every filter but the facet's own.
    internal const string FacetJson = "coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY {0}), '[]')";

    /// <summary>One row: the total, the page of items (ranked as <see cref="PageOrder"/> says) and every facet as JSON.</summary>
    public static readonly string Search = Statement("@Q::text IS NULL OR p.search @@ (SELECT corrected FROM query)");

    /// <summary>
    /// <see cref="Search"/> for queries with words: matching only through the GIN index, so one generic plan serves
    /// every query and the statement can stay prepared instead of being planned (over a millisecond) each time.
    /// </summary>
    public static readonly string SearchWords = Statement("p.search @@ (SELECT corrected FROM query)");

    private static string Statement(string match) => $$"""
        WITH {{Query}}, matched AS MATERIALIZED (
            -- Only what filters, facets, sorts and the grouping into games read: browsing materialises the whole catalog here.
            SELECT p.id, p.search_title, p.platform, p.region, p.price, p.in_stock, p.release_date, p.genres,
                   length(p.search_title) AS title_length,
                   r.exact, r.all_words, r.in_order, r.typos, r.whole_last, r.popularity, g.sold AS game_sold,
                   (@Platform::text IS NULL OR p.platform = @Platform) AS by_platform,
                   (@Region::text IS NULL OR p.region = @Region) AS by_region,
                   (@Genre::text IS NULL OR @Genre = ANY (p.genres)) AS by_genre,
                   ((@MinPrice::numeric IS NULL OR p.price >= @MinPrice) AND (@MaxPrice::numeric IS NULL OR p.price <= @MaxPrice)) AS by_price,
                   (@InStock::boolean IS NULL OR p.in_stock = @InStock) AS by_stock
            FROM products p CROSS JOIN query q
            -- A join, not a lookup per match: one hash of the few games sold.
            LEFT JOIN game_sales g ON g.search_title = p.search_title AND @Sort IN ('relevance', 'bestselling')
            -- The rules of PageOrder, only when they order the results.
            LEFT JOIN LATERAL (
                SELECT p.search_title = ANY (q.titles) AS exact,
                       p.title_search @@ q.typed AS all_words,
                       coalesce(p.title_search @@ q.in_order, true) AS in_order,
                       CASE WHEN p.search @@ q.typed THEN 0 WHEN p.search @@ q.near THEN 1 ELSE 2 END AS typos,
                       p.title_search @@ q.whole_last AS whole_last,
                       coalesce(g.sold, 0) AS popularity
                WHERE @Sort = 'relevance' AND q.query_text IS NOT NULL
            ) r ON true
            -- The scalar subquery, unlike the join, is a value the planner can take to the GIN index.
            WHERE {{match}}
        ), filtered AS (
            SELECT * FROM matched WHERE by_platform AND by_region AND by_genre AND by_price AND by_stock
        ), games AS MATERIALIZED (
            -- One row per game (the variants sharing a title), ranked by its best variant. The card shows the
            -- variant to open first: in stock, then the cheapest; "from" is the cheapest price among those filtered.
            SELECT (array_agg(id ORDER BY in_stock DESC, price ASC NULLS LAST, id))[1] AS id,
                   array_agg(DISTINCT platform ORDER BY platform) AS platforms, count(*) AS variants,
                   min(price) AS price, bool_or(in_stock) AS in_stock, max(release_date) AS release_date,
                   min(title_length) AS title_length,
                   bool_or(exact) AS exact, bool_or(all_words) AS all_words, bool_or(in_order) AS in_order, min(typos) AS typos,
                   bool_or(whole_last) AS whole_last, max(popularity) AS popularity,
                   CASE WHEN @Sort = 'bestselling' THEN max(game_sold) END AS sold
            FROM filtered GROUP BY search_title
        )
        SELECT
            (SELECT count(*) FROM games) AS Total,
            (SELECT coalesce(json_agg(json_build_object(
                        'slug', slug, 'title', title, 'platform', platform, 'region', region, 'edition', edition,
                        'imageUrl', image_url, 'price', price, 'currency', @Currency, 'inStock', in_stock, 'releaseDate', release_date,
                        'platforms', platforms, 'variants', variants)
                    ORDER BY {{PageOrder}}), '[]')
             FROM (SELECT * FROM games
                   ORDER BY {{PageOrder}}
                   LIMIT @Limit OFFSET @Offset) page
             CROSS JOIN LATERAL (SELECT slug, title, platform, region, edition, image_url FROM products WHERE products.id = page.id) shown) AS Items,
            (SELECT {{string.Format(FacetJson, "n DESC, value")}} FROM (
                SELECT platform AS value, count(DISTINCT search_title) AS n FROM matched
                WHERE by_region AND by_genre AND by_price AND by_stock GROUP BY platform) f) AS Platform,
            (SELECT {{string.Format(FacetJson, "n DESC, value")}} FROM (
                SELECT region AS value, count(DISTINCT search_title) AS n FROM matched
                WHERE by_platform AND by_genre AND by_price AND by_stock GROUP BY region) f) AS Region,
            (SELECT {{string.Format(FacetJson, "n DESC, value")}} FROM (
                SELECT genre AS value, count(DISTINCT search_title) AS n FROM matched, unnest(genres) AS genre
                WHERE by_platform AND by_region AND by_price AND by_stock GROUP BY genre ORDER BY n DESC, genre LIMIT 30) f) AS Genre,
            (SELECT {{string.Format(FacetJson, "low")}} FROM (
                SELECT b.label AS value, b.low, count(DISTINCT m.search_title) AS n
                FROM matched m JOIN {{PriceBands}} ON m.price >= b.low AND (b.high IS NULL OR m.price < b.high)
                WHERE by_platform AND by_region AND by_genre AND by_stock GROUP BY b.label, b.low) f) AS PriceBand,
            (SELECT {{string.Format(FacetJson, "value DESC")}} FROM (
                SELECT in_stock::text AS value, count(DISTINCT search_title) AS n FROM matched
                WHERE by_platform AND by_region AND by_genre AND by_price GROUP BY in_stock) f) AS InStock
        """;

    /// <summary>Distinct titles for instant suggestions: title prefixes first, then shorter titles.</summary>
    public static readonly string Suggest = $$"""
        WITH {{Query}}
        SELECT title FROM (
            SELECT DISTINCT ON (p.search_title) p.title, p.search_title,
                   p.search_title LIKE q.query_text || '%' AS prefix
            FROM products p, query q
            WHERE p.search @@ (SELECT corrected FROM query)
            ORDER BY p.search_title, p.in_stock DESC, p.id
        ) s
        ORDER BY prefix DESC, length(search_title), search_title
        LIMIT 8
        """;

    /// <summary>
    /// For a query nothing matches: the title closest to it (trigram similarity), among products with a word
    /// nearest to one of its words, however many typos away (did you mean).
    /// </summary>
    public const string ClosestTitle = """
        WITH nearest AS (
            SELECT n.word
            FROM unnest(string_to_array(catalog_search_text(@Q), ' ')) AS typed (word)
            CROSS JOIN LATERAL (SELECT c.word FROM catalog_words c WHERE c.word % typed.word
                                ORDER BY similarity(c.word, typed.word) DESC, c.word LIMIT 1) n
        )
        SELECT p.title FROM products p
        WHERE p.search @@ (SELECT to_tsquery('simple', string_agg(quote_literal(word), ' | ')) FROM nearest)
        ORDER BY similarity(p.search_title, catalog_search_text(@Q)) DESC, p.in_stock DESC, length(p.search_title), p.id
        LIMIT 1
        """;
}
