using GamesDrop.Kernel.Features.SyncRuns;

namespace GamesDrop.Kernel.Features.Search;

/// <summary>
/// Search by words reads products: prices, stock and search columns are materialised there; browsing reads a narrow
/// copy of them and precounted facets (0170, <see cref="Browse"/>). What a query asks for is
/// worked out once, before matching, by catalog_search_terms (0040): every word must be in the title or its
/// aliases, the last one as a prefix since it may still be being typed; a sequel number matches in Arabic or
/// Roman numerals ("witcher 3" finds "Witcher III", 2 to 20; "2077" stays itself); a word the catalog does not
/// know also matches its nearest catalog words within one typo from 5 letters and two from 9, a swap of two
/// neighbouring letters counting as one ("eldne" finds "elden"), and a typo in the first letter only when no
/// other correction exists. Matching goes through the GIN index on the tsquery of corrections.
/// </summary>
internal static class SearchSql
{
    // The price facet's bands: from low up to below high (no end for the last).
    private static readonly (string Label, int Low, int? High)[] Bands =
        [("0-10", 0, 10), ("10-20", 10, 20), ("20-40", 20, 40), ("40-70", 40, 70), ("70+", 70, null)];

    /// <summary>The price bands' labels, lowest first: the order of the price facet.</summary>
    internal static readonly string[] BandLabels = [.. Bands.Select(b => b.Label)];

    internal static readonly string PriceBands =
        $"(VALUES {string.Join(", ", Bands.Select(b => $"('{b.Label}', {b.Low}, {b.High?.ToString() ?? "NULL"})"))}) AS b (label, low, high)";

    // A price's band, worked out once per row: joining the rows to the bands compared every price with every band,
    // which cost more than all the other facets together. No band for a game without a price.
    private static string BandOf(string price) =>
        $"CASE WHEN {price} < {Bands[0].Low} THEN NULL "
        + string.Join(" ", Bands.Select(b => b.High is { } high ? $"WHEN {price} < {high} THEN '{b.Label}'" : $"WHEN {price} >= {b.Low} THEN '{b.Label}'"))
        + " END";

    // A game as a number, a 64-bit hash of its title: facets count distinct games by hashing numbers instead of
    // sorting titles. Two of 100k titles share a hash with odds of about one in three billion.
    private const string GameOf = "hashtextextended({0}.search_title, 0)";

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
    // Browsing has no words, so rules 6 and 8 are all of it. Other sorts order by their own column. Ties in any sort
    // go by id, so pages are stable.
    private const string PageOrder = """
        exact DESC NULLS LAST, all_words DESC NULLS LAST, in_order DESC NULLS LAST, typos ASC NULLS LAST,
        whole_last DESC NULLS LAST, popularity DESC NULLS LAST,
        CASE WHEN exact IS NOT NULL THEN in_stock END DESC NULLS LAST,
        CASE WHEN exact IS NOT NULL THEN price END ASC NULLS LAST,
        """ + SortOrder;

    private const string BrowseOrder = "popularity DESC NULLS LAST, " + SortOrder;

    private const string SortOrder = """
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
    /// A facet: the column it counts by, the filter flag of its own filter, that filter on a cell of
    /// catalog_browse_facets, its bit in the cells' rolled_up, and how its values sort.
    /// </summary>
    private sealed record Facet(string Column, string Filter, string Cell, int Bit, string Order)
    {
        // Whether a request with this set of filters filters by the facet (the band by either end of a price range).
        public bool FilteredIn(BrowseFilters set) => FilterRules.Any(r => r.Flag == Filter && set.HasFlag(r.Filter));
    }

    private static readonly Facet Platform = new("platform", "by_platform", "c.platform = @Platform", FacetCounter.PlatformBit, "n DESC, value");
    private static readonly Facet Region = new("region", "by_region", "c.region = @Region", FacetCounter.RegionBit, "n DESC, value");
    private static readonly Facet Genre = new("genre", "by_genre", "c.genre = @Genre", FacetCounter.GenreBit, "n DESC, value");
    private static readonly Facet PriceBand = new("band", "by_price", "c.band = s.band", FacetCounter.PriceBandBit, "low");
    private static readonly Facet InStock = new("in_stock", "by_stock", "c.in_stock = @InStock", FacetCounter.InStockBit, "value DESC");
    private static readonly Facet[] Facets = [Platform, Region, Genre, PriceBand, InStock];

    // Whether a row passes each filter, by the facet flag it belongs to; a price filter runs from the minimum up to below
    // the maximum, as the price bands do, so a band chosen shows what its facet counted. Genres by containment, which
    // their GIN index serves.
    private static readonly (string Flag, BrowseFilters Filter, string Parameter, string Condition)[] FilterRules =
    [
        ("by_platform", BrowseFilters.Platform, "@Platform::text", "{0}.platform = @Platform"),
        ("by_region", BrowseFilters.Region, "@Region::text", "{0}.region = @Region"),
        ("by_genre", BrowseFilters.Genre, "@Genre::text", "{0}.genres @> ARRAY[@Genre]"),
        ("by_price", BrowseFilters.MinPrice, "@MinPrice::numeric", "{0}.price >= @MinPrice"),
        ("by_price", BrowseFilters.MaxPrice, "@MaxPrice::numeric", "{0}.price < @MaxPrice"),
        ("by_stock", BrowseFilters.InStock, "@InStock::boolean", "{0}.in_stock = @InStock"),
    ];

    // Each facet flag's condition on a row. Without a set of filters, every filter is written to pass when its
    // parameter is null (one statement for any request); with one, only the filters in it are written.
    private static (string Flag, string Condition)[] FilterConditions(string row, BrowseFilters? set) =>
    [
        .. FilterRules.GroupBy(r => r.Flag, (flag, rules) => (flag, "(" + string.Join(" AND ", rules
            .Where(r => set is null || set.Value.HasFlag(r.Filter))
            .Select(r => set is null ? $"({r.Parameter} IS NULL OR {string.Format(r.Condition, row)})" : string.Format(r.Condition, row))
            .DefaultIfEmpty("true")) + ")")),
    ];

    // Each filter as a column, for facets that count all but their own.
    private static string Filters(string row, BrowseFilters? set) =>
        string.Join(",\n", FilterConditions(row, set).Select(f => $"{f.Condition} AS {f.Flag}"));

    // Every filter, as a condition.
    private static string Passes(string row, BrowseFilters? set) => string.Join(" AND ", FilterConditions(row, set).Select(f => f.Condition));

    /// <summary>
    /// Search by words: one row with the total, the page of items (ranked as <see cref="PageOrder"/> says) and, when
    /// <paramref name="facets"/>, the genre facet as JSON and the matches the others are counted from (<see cref="Matches"/>;
    /// else nulls). Matching goes only through the GIN index, so one
    /// generic plan serves every query and the statement can stay prepared instead of being planned (over a
    /// millisecond) each time.
    /// </summary>
    public static string SearchWordsFor(bool facets) => facets ? SearchWordsWithFacets : SearchWordsOnly;

    private static readonly string SearchWordsWithFacets = SearchWords(facets: true);
    private static readonly string SearchWordsOnly = SearchWords(facets: false);

    // In place of the facets when the kernel has them already (SearchFacetCache): the statement does not count them.
    private const string NoFacets = "NULL::text AS Platform, NULL::text AS Region, NULL::text AS Genre, NULL::text AS PriceBand, NULL::text AS InStock";

    private static string SearchWords(bool facets) => $$"""
        WITH {{Query}}, matched AS MATERIALIZED (
            -- Only what filters, facets, sorts and the grouping into games read.
            SELECT p.id, p.search_title, p.platform, p.region, p.price, p.in_stock, p.release_date, p.genres,
                   length(p.search_title) AS title_length, {{string.Format(GameOf, "p")}} AS game, {{BandOf("p.price")}} AS band,
                   r.exact, r.all_words, r.in_order, r.typos, r.whole_last, r.popularity, g.sold AS game_sold,
                   {{Filters("p", null)}}
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
                WHERE @Sort = 'relevance'
            ) r ON true
            -- The scalar subquery, unlike the join, is a value the planner can take to the GIN index.
            WHERE p.search @@ (SELECT corrected FROM query)
        ), games AS MATERIALIZED (
            -- One row per game (the variants sharing a title), ranked by its best variant; "from" is the cheapest
            -- price among those filtered. Only aggregates a hash can group by, as in Browse.
            SELECT search_title, min(id) AS id, min(price) AS price, bool_or(in_stock) AS in_stock, max(release_date) AS release_date,
                   min(title_length) AS title_length, bool_or(exact) AS exact, bool_or(all_words) AS all_words, bool_or(in_order) AS in_order, min(typos) AS typos,
                   bool_or(whole_last) AS whole_last, max(popularity) AS popularity,
                   CASE WHEN @Sort = 'bestselling' THEN max(game_sold) END AS sold
            FROM matched WHERE by_platform AND by_region AND by_genre AND by_price AND by_stock
            GROUP BY search_title
        )
        SELECT (SELECT count(*) FROM games) AS Total, {{Items(PageOrder, "v.search @@ (SELECT corrected FROM query) AND " + Passes("v", null))}} AS Items,
               {{(facets ? $"NULL::text AS Platform, NULL::text AS Region, {GenreFacet} AS Genre, NULL::text AS PriceBand, NULL::text AS InStock, m.* FROM {Matches("")} m" : NoFacets)}}
        """;

    /// <summary>
    /// Browsing, without words: the same row as <see cref="SearchWordsFor"/> from the narrow copy of the catalog
    /// (0170). The facets come from the game counts of every filter combination while those are settled and the
    /// price filter is one of their bands, and are counted from the matches otherwise (<see cref="Matches"/>). A statement per set of filters, written
    /// with only those: one generic plan serves each set with index ranges, so browsing is prepared like words search
    /// instead of planned (3-8 ms) for every request. Without <paramref name="facets"/>, nulls in their place.
    /// </summary>
    public static string BrowseFor(BrowseFilters set, bool facets) => BrowseStatements[(int)set * 2 + (facets ? 1 : 0)];

    private static readonly string[] BrowseStatements =
        [.. Enumerable.Range(0, (int)BrowseFilters.All + 1).SelectMany(set => new[] { Browse((BrowseFilters)set, false), Browse((BrowseFilters)set, true) })];

    private static string Browse(BrowseFilters set, bool facets)
    {
        var priced = PriceBand.FilteredIn(set);
        return $$"""
        WITH bands AS (SELECT * FROM {{PriceBands}}),
        settled AS MATERIALIZED (
            -- Counted only for a price filter that is one of the bands.
            SELECT NOT EXISTS (SELECT 1 FROM catalog_browse_changes) AND {{(priced ? "band.label IS NOT NULL" : "true")}} AS counted,
                   band.label AS band,
                   -- The dimensions without a filter, as catalog_browse_facets.rolled_up marks them.
                   {{Facets.Where(f => !f.FilteredIn(set)).Sum(f => f.Bit)}} AS unfiltered
            FROM (SELECT) one
            LEFT JOIN bands band ON {{(priced ? "band.low = coalesce(@MinPrice::numeric, 0) AND band.high IS NOT DISTINCT FROM @MaxPrice::numeric" : "false")}}
        ), matched AS MATERIALIZED (
            -- Read only when counting live: the rows that fail at most one filter, which some facet still counts.
            SELECT * FROM (SELECT {{string.Format(GameOf, "b")}} AS game, b.platform, b.region, b.genres, {{BandOf("b.price")}} AS band, b.in_stock,
                                  {{Filters("b", set)}}
                           FROM catalog_browse b) f
            WHERE by_platform::int + by_region::int + by_genre::int + by_price::int + by_stock::int >= 4
        ), grouped AS (
            {{GroupedGames(set)}}
        ), games AS MATERIALIZED (
            SELECT g.*, s.sold AS popularity, CASE WHEN @Sort = 'bestselling' THEN s.sold END AS sold
            FROM grouped g LEFT JOIN game_sales s ON s.search_title = g.search_title AND @Sort IN ('relevance', 'bestselling')
        )
        SELECT (SELECT count(*) FROM games) AS Total,
               {{Items(BrowseOrder, Passes("v", set))}} AS Items,
               {{(facets ? $"{BrowseFacet(Platform, set)} AS Platform, {BrowseFacet(Region, set)} AS Region, {BrowseFacet(Genre, set)} AS Genre, {BrowseFacet(PriceBand, set)} AS PriceBand, {BrowseFacet(InStock, set)} AS InStock, m.* FROM {Matches("WHERE NOT (SELECT counted FROM settled)")} m" : NoFacets)}}
        """;
    }

    // The games that pass the filters. Only aggregates a hash can group by (no ordered ones), so the whole catalog
    // groups without a sort; the card's variant and platforms are read for the page's games alone. min(id) keeps
    // equal games in one order. The whole catalog's and each platform's games are grouped already while the counts
    // are settled (catalog_browse_games): only one of the two branches runs.
    private static string GroupedGames(BrowseFilters set)
    {
        var live = $"""
            SELECT search_title, min(id) AS id, min(price) AS price, bool_or(in_stock) AS in_stock,
                   max(release_date) AS release_date, length(search_title) AS title_length
            FROM catalog_browse b WHERE {Passes("b", set)}
            """;
        var kept = set switch
        {
            BrowseFilters.None => "g.platform IS NULL",
            BrowseFilters.Platform => "g.platform = @Platform",
            _ => null,
        };
        return kept is null ? live + "\nGROUP BY search_title" : $"""
            {live} AND NOT (SELECT counted FROM settled)
            GROUP BY search_title
            UNION ALL
            SELECT search_title, id, price, in_stock, release_date, length(search_title) FROM catalog_browse_games g
            WHERE {kept} AND (SELECT counted FROM settled)
            """;
    }

    /// <summary>The games browsing reads without filters or by platform alone; rebuilt with <see cref="BrowseCounts"/>.</summary>
    public const string BrowseGames = """
        INSERT INTO catalog_browse_games (platform, search_title, id, price, in_stock, release_date)
        SELECT platform, search_title, min(id), min(price), bool_or(in_stock), max(release_date)
        FROM catalog_browse
        GROUP BY GROUPING SETS ((platform, search_title), (search_title))
        """;

    // The page of games as JSON cards. A card shows, of the game's variants that match (variantMatches, on v), the
    // one to open first (in stock, then the cheapest), the platforms and how many there are: read for the page's
    // games alone, through the index of products by game.
    private static string Items(string order, string variantMatches) => $"""
        (SELECT coalesce(json_agg(json_build_object(
                    'slug', slug, 'title', title, 'platform', platform, 'region', region, 'edition', edition,
                    'imageUrl', image_url, 'price', page.price, 'currency', @Currency, 'inStock', page.in_stock, 'releaseDate', page.release_date,
                    'platforms', platforms, 'variants', variants)
                ORDER BY {order}), '[]')
         FROM (SELECT * FROM games ORDER BY {order} LIMIT @Limit OFFSET @Offset) page
         CROSS JOIN LATERAL (
            SELECT (array_agg(id ORDER BY in_stock DESC, price ASC NULLS LAST, id))[1] AS shown_id,
                   array_agg(DISTINCT platform ORDER BY platform) AS platforms, count(*) AS variants
            FROM products v WHERE v.search_title = page.search_title AND {variantMatches}) card
         CROSS JOIN LATERAL (SELECT slug, title, platform, region, edition, image_url FROM products WHERE products.id = card.shown_id) shown)
        """;

    // The genre facet over the matches, the 30 most common: a genre per genre a game has, each genre's distinct games
    // found by hashing (genre, game) pairs. A game's editions mostly share their genres, so a game's genre lists are
    // made distinct before they are unnested (a one-word query: 0.8 of 10 ms).
    private static string GenreFacet => $"(SELECT {string.Format(FacetJson, Genre.Order)} FROM (SELECT genre AS value, count(*) AS n "
        + $"FROM (SELECT DISTINCT genre, game FROM (SELECT DISTINCT game, genres FROM matched WHERE {string.Join(" AND ", Facets.Where(f => f != Genre).Select(f => f.Filter))}) g, "
        + "unnest(g.genres) AS genre) d GROUP BY genre ORDER BY n DESC, genre LIMIT 30) f)";

    /// <summary>
    /// The other facets' input: the rows of <c>matched</c> that pass <paramref name="where"/> as one row of arrays, a
    /// row's values at one index of each, for <see cref="FacetCounter"/>: its game, platform, region, price band and
    /// stock, and the filters it passes (a bit per facet, as <see cref="Facet.Bit"/>). Counting those four here took a
    /// one-word search of the 100k bench catalog about 4 of its 11 ms, in four passes over the matches; the arrays
    /// cost no time measurable beside the rest. Genres stay here: sending every match's list cost about as much as
    /// counting them.
    /// </summary>
    private static string Matches(string where) => $"""
        (SELECT array_agg(game) AS games, array_agg(platform::text) AS platforms, array_agg(region::text) AS regions,
                array_agg(band) AS bands, array_agg(in_stock) AS in_stock,
                array_agg({string.Join(" + ", Facets.Select(f => $"{f.Filter}::int * {f.Bit}"))}) AS passes
         FROM matched {where})
        """;

    // Read from the cell of the facet's column by the other filters' values: rolled up where a filter is unset.
    private static string BrowseFacet(Facet facet, BrowseFilters set)
    {
        var others = string.Join(" AND ", Facets.Where(f => f != facet && f.FilteredIn(set)).Select(f => f.Cell).DefaultIfEmpty("true"));
        var read = $"""
            SELECT c.{facet.Column}::text AS value, b.low, c.games AS n
            FROM settled s JOIN catalog_browse_facets c ON c.rolled_up = s.unfiltered & {31 - facet.Bit}
            LEFT JOIN bands b ON b.label = c.band
            WHERE c.{facet.Column} IS NOT NULL AND {others}
            """ + (facet == Genre ? " ORDER BY n DESC, value LIMIT 30" : "");
        return $"(SELECT CASE WHEN s.counted THEN (SELECT {string.Format(FacetJson, facet.Order)} FROM ({read}) f){(facet == Genre ? " ELSE " + GenreFacet : "")} END FROM settled s)";
    }

    /// <summary>
    /// The game counts of every combination of browse filters, for <see cref="Browse"/>: distinct titles per cell of
    /// platform, region, genre (a row per genre of a product, one without a genre for none), price band and stock.
    /// Titles are counted by their hash (<see cref="GameOf"/>): sorting them as text made the rebuild four times slower.
    /// </summary>
    public static readonly string BrowseCounts = $"""
        SET LOCAL work_mem = '64MB';
        INSERT INTO catalog_browse_facets (platform, region, genre, band, in_stock, rolled_up, games)
        SELECT platform, region, genre, band, in_stock, GROUPING(platform, region, genre, band, in_stock), count(DISTINCT game)
        FROM (SELECT {string.Format(GameOf, "p")} AS game, p.platform, p.region, g.genre, {BandOf("p.price")} AS band, p.in_stock
              FROM catalog_browse p
              LEFT JOIN LATERAL unnest(p.genres) AS g (genre) ON true) cells
        GROUP BY CUBE (platform, region, genre, band, in_stock)
        """;

    /// <summary>
    /// Whether the counts are due a rebuild: the last change a second old and no sync running (one that wrote a batch
    /// lately: a quiet one was left by a stopped host), or changes waiting two minutes whatever runs.
    /// </summary>
    public const string BrowseCountsDue = $"""
        SELECT coalesce(
            max(at) < clock_timestamp() - interval '1 second'
                AND NOT EXISTS (SELECT 1 FROM sync_runs WHERE status = 'running' AND active_at > now() - interval '{SyncRunsSql.QuietFor}')
            OR min(at) < clock_timestamp() - interval '2 minutes', false)
        FROM catalog_browse_changes
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
    /// nearest to each of its words, however many typos away (did you mean). Titles with every nearest word are
    /// enough when there are any, and few: those with any of them (a query's common word is in thousands) are read
    /// only when none has all (1,109 bench queries that found nothing: 14.3 -> 3.4 ms of PostgreSQL each, same titles).
    /// Similarity is worked out once per title, not per edition of it; of the closest title's editions, the first in
    /// stock, else the first.
    /// </summary>
    public const string ClosestTitle = """
        WITH typed_text AS MATERIALIZED (
            -- Worked out once, not for every title compared with it.
            SELECT catalog_search_text_inline(@Q) AS text
        ), nearest AS (
            SELECT n.word
            FROM unnest(string_to_array((SELECT text FROM typed_text), ' ')) AS typed (word)
            CROSS JOIN LATERAL (SELECT c.word FROM catalog_words c WHERE c.word % typed.word
                                ORDER BY similarity(c.word, typed.word) DESC, c.word LIMIT 1) n
        ), wanted AS MATERIALIZED (
            SELECT to_tsquery('simple', string_agg(quote_literal(word), ' & ')) AS every_word,
                   to_tsquery('simple', string_agg(quote_literal(word), ' | ')) AS any_word
            FROM nearest
        ), with_every AS MATERIALIZED (
            SELECT p.search_title, p.in_stock, p.id FROM products p WHERE p.search @@ (SELECT every_word FROM wanted)
        ), candidates AS (
            SELECT * FROM with_every
            UNION ALL
            SELECT p.search_title, p.in_stock, p.id FROM products p
            WHERE NOT EXISTS (SELECT 1 FROM with_every) AND p.search @@ (SELECT any_word FROM wanted)
        ), titles AS (
            SELECT search_title, bool_or(in_stock) AS in_stock, coalesce(min(id) FILTER (WHERE in_stock), min(id)) AS id
            FROM candidates
            GROUP BY search_title
        )
        SELECT p.title FROM products p
        WHERE p.id = (SELECT t.id FROM titles t
                      ORDER BY similarity(t.search_title, (SELECT text FROM typed_text)) DESC, t.in_stock DESC, length(t.search_title), t.id
                      LIMIT 1)
        """;
}

/// <summary>The browse filters a request sets.</summary>
[Flags]
internal enum BrowseFilters
{
    None = 0,
    Platform = 1,
    Region = 2,
    Genre = 4,
    MinPrice = 8,
    MaxPrice = 16,
    InStock = 32,
    All = 63,
}
