using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.Kernel.Features.Wishlist;

namespace GamesDrop.Kernel.Features.Offers;

internal static class OffersSql
{
    public const string BatchTarget = """
        SELECT EXISTS (SELECT 1 FROM suppliers WHERE code = @Supplier) AS SupplierKnown,
               (SELECT status FROM sync_runs WHERE id = @SyncRunId AND supplier_code = @Supplier) AS RunStatus
        """;

    /// <summary>
    /// The stored offer of listing <c>i</c> (by its SKU), found by one probe of the unique index; OFFSET 0 keeps the lookup
    /// a probe. In a first sync the statistics still describe the supplier's few offers of its first seconds, and a join
    /// planned from them hashes or scans all of the supplier's offers for every batch, a cost growing with the catalog.
    /// </summary>
    private const string StoredOffer =
        "LATERAL (SELECT * FROM supplier_offers o WHERE o.supplier_code = @Supplier AND o.supplier_sku = i.sku OFFSET 0) o";

    /// <summary>
    /// The id of the product whose <paramref name="column"/> (match_key or slug, both unique) is <paramref name="value"/>,
    /// found by one probe as <see cref="StoredOffer"/> is: planned from the statistics of a first sync's first seconds, the
    /// lookups of a batch's keys scanned every product instead, three times a batch, 3-7 ms each at 19k products and growing.
    /// </summary>
    private static string ProductBy(string column, string value) =>
        $"LATERAL (SELECT p.id FROM products p WHERE p.{column} = {value} OFFSET 0)";

    /// <summary>
    /// First for every batch: its offers count as seen by the run (what a full run did not see vanishes), a listing
    /// sent again valid leaves quarantine, and the offers that repeat the stored one (same fields, same product key)
    /// are found by their unique index without a temp table or a write (one probe each, <see cref="StoredOffer"/>).
    /// Result sets: how many SKUs the run saw for the first time, then the positions (from 1) of the unchanged offers in
    /// the batch.
    /// </summary>
    public const string SeeBatch = $$"""
        DELETE FROM quarantined_offers WHERE supplier_code = @Supplier AND supplier_sku = ANY (@Skus);

        WITH seen AS (
            INSERT INTO sync_run_seen (run_id, sku)
            SELECT @SyncRunId, sku FROM unnest(@Skus) AS s (sku) WHERE @SyncRunId IS NOT NULL
            ON CONFLICT DO NOTHING
            RETURNING 1
        )
        SELECT count(*) FROM seen;

        SELECT i.n
        FROM unnest(@Skus, @Titles, @Platforms, @Regions, @Editions, @MatchKeys, @Prices, @Currencies, @Stocks, @Availables, @ExcludedCountries)
                 WITH ORDINALITY AS i (sku, title, platform, region, edition, match_key, price, currency, stock, available, excluded_json, n)
        CROSS JOIN {{StoredOffer}}
        JOIN products p ON p.id = o.product_id
        WHERE (o.title, o.platform, o.region, o.edition, o.price, o.currency, o.stock, o.available, p.match_key, o.excluded_countries)
              IS NOT DISTINCT FROM (i.title, i.platform, i.region, i.edition, i.price, i.currency, i.stock, i.available, i.match_key,
                                    ARRAY(SELECT jsonb_array_elements_text(i.excluded_json::jsonb)));
        """;

    /// <summary>The batch's counts added to its run, last, so concurrent batches of one run wait on its row only to commit.</summary>
    public const string CountBatch = """
        UPDATE sync_runs
        SET pages = pages + 1, offers_seen = offers_seen + @Seen, offers_created = offers_created + @Created,
            offers_updated = offers_updated + @Updated, offers_unchanged = offers_unchanged + @Unchanged, active_at = now()
        WHERE id = @SyncRunId AND status = 'running';
        """;

    /// <summary>
    /// A whole batch in one round trip: the rows arrive as parallel arrays, unnested into a temp table; products
    /// are matched by key (new keys become products, in key order so concurrent batches cannot deadlock, priced as
    /// they are written when all their listings are new); only
    /// offers that differ are written, and only when the supplier's timestamp is not older than the stored one;
    /// new prices enter the history; products gain blank details and other suppliers' titles as aliases;
    /// touched products are repriced, wishlist price drops found, and their words made searchable.
    /// Takes only the offers <see cref="SeeBatch"/> did not find unchanged. Result sets: offers locked, products locked, wishlist price drops, and the offers written.
    /// </summary>
    public static readonly string UpsertBatch = $$"""
        -- Each listing's stored offer is found by one probe (StoredOffer).
        CREATE TEMP TABLE incoming ON COMMIT DROP AS
        SELECT i.*, x.excluded_countries, NULL::bigint AS product_id, o.id AS offer_id, o.product_id AS old_product_id,
               -- Whether the stored offer differs apart from its product, which is matched below.
               o.id IS NOT NULL AND (o.title, o.platform, o.region, o.edition, o.price, o.currency, o.stock, o.available, o.excluded_countries)
                   IS DISTINCT FROM (i.title, i.platform, i.region, i.edition, i.price, i.currency, i.stock, i.available, x.excluded_countries)
                   AS fields_changed,
               false AS changed,
               o.id IS NOT NULL AND (o.price, o.currency) IS DISTINCT FROM (i.price, i.currency) AS price_changed,
               o.id IS NOT NULL AND (o.price, o.currency, o.stock, o.available) IS DISTINCT FROM (i.price, i.currency, i.stock, i.available)
                   AS sale_changed,
               coalesce(i.supplier_updated_at < o.supplier_updated_at, false) AS outdated, false AS created, false AS updated,
               -- A listing the supplier has no offer for yet gets its offer's id now, so that a product new here is
               -- written with its price and best offer at once instead of being repriced after.
               CASE WHEN o.id IS NULL THEN nextval(pg_get_serial_sequence('supplier_offers', 'id')) END AS new_offer_id,
               false AS priced_on_insert
        FROM unnest(@Skus, @Titles, @Platforms, @Regions, @Editions, @MatchKeys, @Slugs, @ProductTitles, @ProductPlatforms,
                    @ProductRegions, @ProductEditions, @Genres, @ReleaseDates, @Descriptions, @ActivationNotes, @ImageUrls,
                    @Prices, @Currencies, @Stocks, @Availables, @SupplierUpdatedAts, @ExcludedCountries)
            AS i (sku, title, platform, region, edition, match_key, slug, product_title, product_platform, product_region,
                  product_edition, genres_json, release_date, description, activation_notes, image_url,
                  price, currency, stock, available, supplier_updated_at, excluded_json),
        LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(i.excluded_json::jsonb)) AS excluded_countries) x
        LEFT JOIN {{StoredOffer}} ON true;

        -- A supplier clock ahead of ours would make every later listing look older than this one: none is newer than now.
        UPDATE incoming SET supplier_updated_at = now() WHERE supplier_updated_at > now();

        -- A slug already taken, by another product or another new one here, gets a suffix from its key. Products are
        -- looked up by key and slug one probe each (ProductBy).
        -- A new product whose listings are all new offers is priced from them as it is written, as Reprice would
        -- price it (PricingSql); the offers it names follow below, so that reference is checked at commit.
        SET CONSTRAINTS products_best_offer_id_fkey DEFERRED;
        WITH fresh AS (
            SELECT f.*, ARRAY(SELECT jsonb_array_elements_text(f.genres_json::jsonb)) AS genres,
                   row_number() OVER (PARTITION BY f.slug ORDER BY f.match_key) AS slug_rank
            FROM (SELECT DISTINCT ON (i.match_key) i.*, bool_and(i.new_offer_id IS NOT NULL) OVER (PARTITION BY i.match_key) AS all_new
                  FROM incoming i
                  LEFT JOIN {{ProductBy("match_key", "i.match_key")}} known ON true
                  WHERE known.id IS NULL
                  ORDER BY i.match_key, i.sku) f
        ), best AS (
            -- All new products' listings priced in one join: a lookup per product rescanned the batch's table each
            -- time (it has no index), half a second a batch of a thousand.
            SELECT DISTINCT ON (e.match_key) e.match_key, CASE WHEN e.price IS NOT NULL THEN e.offer_id END AS offer_id, e.price, e.stock_total
            FROM (SELECT j.match_key, j.new_offer_id AS offer_id, j.price * r.rate_to_store AS cost,
                         CASE WHEN m.margin_percent IS NOT NULL THEN {{PricingSql.StorePrice("(j.price * r.rate_to_store)")}} END AS price,
                         (sum(j.stock) OVER (PARTITION BY j.match_key))::int AS stock_total
                  FROM fresh n
                  JOIN incoming j ON j.match_key = n.match_key
                  JOIN suppliers s ON s.code = @Supplier AND s.enabled AND s.reachable
                  JOIN currency_rates r ON r.currency = j.currency
                  LEFT JOIN LATERAL ({{PricingSql.MarginRule("@Supplier", "n.genres")}}) m ON true
                  WHERE n.all_new AND j.available AND j.stock > 0) e
            ORDER BY e.match_key, e.price IS NULL, e.price, e.cost, e.offer_id
        ), inserted AS (
            INSERT INTO products (slug, match_key, title, platform, region, edition, genres, release_date, description, activation_notes,
                                  image_url, best_offer_id, price, stock_total, in_stock, price_updated_at)
            SELECT CASE WHEN n.slug_rank > 1 OR taken.id IS NOT NULL THEN n.slug || '-' || left(md5(n.match_key), 8) ELSE n.slug END,
                   n.match_key, n.product_title, n.product_platform, n.product_region, n.product_edition,
                   n.genres, n.release_date, n.description, n.activation_notes, n.image_url,
                   b.offer_id, b.price, coalesce(b.stock_total, 0), b.offer_id IS NOT NULL, CASE WHEN b.stock_total IS NOT NULL THEN now() END
            FROM fresh n
            LEFT JOIN {{ProductBy("slug", "n.slug")}} taken ON true
            LEFT JOIN best b ON b.match_key = n.match_key
            ORDER BY n.match_key
            ON CONFLICT (match_key) DO NOTHING
            RETURNING match_key
        )
        UPDATE incoming i SET priced_on_insert = true FROM inserted n WHERE i.match_key = n.match_key;

        UPDATE incoming i SET product_id = p.id,
                              changed = i.offer_id IS NOT NULL AND (i.fields_changed OR i.old_product_id IS DISTINCT FROM p.id)
        FROM (SELECT DISTINCT match_key FROM incoming) k
        CROSS JOIN {{ProductBy("match_key", "k.match_key")}} p
        WHERE k.match_key = i.match_key;

        -- Offers before products, each in id order: the order every writer locks in. NO KEY, as products are locked
        -- (PricingSql.LockProducts): the check at commit that a product's best offer exists must not wait on them.
        SELECT count(*) FROM (SELECT id FROM supplier_offers
                              WHERE id IN (SELECT offer_id FROM incoming WHERE changed AND NOT outdated)
                              ORDER BY id FOR NO KEY UPDATE) locked;

        WITH updated AS (
            UPDATE supplier_offers o
            SET title = i.title, platform = i.platform, region = i.region, edition = i.edition, price = i.price,
                currency = i.currency, stock = i.stock, available = i.available, product_id = i.product_id,
                excluded_countries = i.excluded_countries, supplier_updated_at = coalesce(i.supplier_updated_at, o.supplier_updated_at), synced_at = now()
            FROM incoming i
            WHERE o.id = i.offer_id AND i.changed AND NOT i.outdated
              AND NOT coalesce(i.supplier_updated_at < o.supplier_updated_at, false)
            RETURNING o.id
        )
        UPDATE incoming i SET updated = true FROM updated u WHERE i.offer_id = u.id;

        WITH inserted AS (
            INSERT INTO supplier_offers (id, supplier_code, supplier_sku, product_id, title, platform, region, edition,
                                         price, currency, stock, available, supplier_updated_at, excluded_countries)
            OVERRIDING SYSTEM VALUE
            SELECT coalesce(i.new_offer_id, nextval(pg_get_serial_sequence('supplier_offers', 'id'))), @Supplier, i.sku, i.product_id, i.title, i.platform, i.region, i.edition,
                   i.price, i.currency, i.stock, i.available, i.supplier_updated_at, i.excluded_countries
            FROM incoming i WHERE i.offer_id IS NULL
            ORDER BY i.sku
            ON CONFLICT (supplier_code, supplier_sku) DO NOTHING
            RETURNING id, supplier_sku
        )
        UPDATE incoming i SET offer_id = n.id, created = true FROM inserted n WHERE i.sku = n.supplier_sku;

        INSERT INTO offer_price_history (offer_id, price, currency)
        SELECT offer_id, price, currency FROM incoming WHERE created OR (updated AND price_changed)
        ON CONFLICT (offer_id, recorded_at) DO UPDATE SET price = excluded.price, currency = excluded.currency;

        -- Priced: a product written with its price above, all of whose listings became the offers it was priced
        -- from (one that did not, say a SKU twice in the batch or a listing of an offer already stored, is repriced).
        CREATE TEMP TABLE touched ON COMMIT DROP AS
        SELECT product_id, bool_and(priced) AS priced
        FROM (SELECT product_id, priced_on_insert AND created AND offer_id = new_offer_id AS priced
              FROM incoming WHERE created OR updated OR priced_on_insert
              UNION ALL
              SELECT old_product_id, false FROM incoming WHERE updated AND old_product_id IS NOT NULL) t
        GROUP BY product_id;

        {{PricingSql.LockProducts("SELECT product_id FROM touched")}}

        -- A product keeps its first supplier's details and fills blanks from the others; their titles become aliases.
        UPDATE products p
        SET aliases = f.aliases, genres = f.genres, release_date = f.release_date, description = f.description,
            activation_notes = f.activation_notes, image_url = f.image_url, updated_at = now()
        FROM (
            SELECT p2.id,
                   CASE WHEN lower(n.product_title) = lower(p2.title)
                          OR lower(n.product_title) IN (SELECT lower(a) FROM unnest(p2.aliases) a)
                        THEN p2.aliases ELSE p2.aliases || n.product_title END AS aliases,
                   CASE WHEN cardinality(p2.genres) = 0 THEN ARRAY(SELECT jsonb_array_elements_text(n.genres_json::jsonb))
                        ELSE p2.genres END AS genres,
                   coalesce(p2.release_date, n.release_date) AS release_date,
                   CASE WHEN p2.description = '' THEN n.description ELSE p2.description END AS description,
                   CASE WHEN p2.activation_notes = '' THEN n.activation_notes ELSE p2.activation_notes END AS activation_notes,
                   coalesce(p2.image_url, n.image_url) AS image_url
            FROM (SELECT DISTINCT ON (product_id) * FROM incoming WHERE created ORDER BY product_id, sku) n
            JOIN products p2 ON p2.id = n.product_id
        ) f
        WHERE p.id = f.id
          AND (p.aliases, p.genres, p.release_date, p.description, p.activation_notes, p.image_url)
              IS DISTINCT FROM (f.aliases, f.genres, f.release_date, f.description, f.activation_notes, f.image_url);

        {{PricingSql.Reprice("SELECT product_id FROM touched WHERE NOT priced", fewTargets: true)}}

        INSERT INTO product_price_history (product_id, price)
        SELECT p.id, p.price FROM products p WHERE p.id IN (SELECT product_id FROM touched WHERE priced) AND p.price IS NOT NULL;

        {{WishlistSql.PriceDrops("SELECT product_id FROM touched")}}

        -- In word order, as every batch inserts them: two batches adding the same new words cannot deadlock.
        INSERT INTO catalog_words (word)
        SELECT w FROM (SELECT DISTINCT unnest(tsvector_to_array(search)) AS w FROM products WHERE id IN (SELECT product_id FROM touched)) words
        ORDER BY w
        ON CONFLICT DO NOTHING;

        SELECT product_id AS ProductId, sku AS Sku, price AS Price, currency AS Currency, stock AS Stock,
               available AS Available, created AS Created, sale_changed AS SaleChanged
        FROM incoming WHERE created OR updated
        ORDER BY sku;
        """;

    /// <summary>
    /// A pushed or freshly read change, applied when newer than what is stored, or as new as it with other values (a live
    /// read of the same version is what the supplier holds now). One that only repeats the stored offer confirms it: the
    /// offer counts as fresh again. A time ahead of ours counts as now, so a supplier's fast clock cannot freeze the offer
    /// against later changes. Returns nothing for an unknown SKU, Applied false for an old or repeated push. Contested when
    /// the change carried the stored time with other values: two states with one stamp, which the stamps cannot order.
    /// </summary>
    public const string ApplyChange = """
        WITH current AS (
            SELECT id, price, currency, stock, available, supplier_updated_at, least(@ChangedAt, now()) AS changed_at,
                   (coalesce(@Price, price), coalesce(@Currency, currency), coalesce(@Stock, stock), coalesce(@Available, available))
                       IS NOT DISTINCT FROM (price, currency, stock, available) AS same
            FROM supplier_offers WHERE supplier_code = @Supplier AND supplier_sku = @Sku
            FOR NO KEY UPDATE
        ), confirmed AS (
            UPDATE supplier_offers o SET synced_at = now()
            FROM current c
            WHERE o.id = c.id AND c.supplier_updated_at = c.changed_at AND c.same
        ), applied AS (
            UPDATE supplier_offers o
            SET price = coalesce(@Price, o.price), currency = coalesce(@Currency, o.currency),
                stock = coalesce(@Stock, o.stock), available = coalesce(@Available, o.available),
                supplier_updated_at = c.changed_at, synced_at = now()
            FROM current c
            WHERE o.id = c.id
              AND (c.supplier_updated_at IS NULL OR c.supplier_updated_at < c.changed_at
                   OR (c.supplier_updated_at = c.changed_at AND NOT c.same))
            RETURNING o.id, o.product_id, o.price, o.currency, o.stock, o.available,
                      (o.price, o.currency) IS DISTINCT FROM (c.price, c.currency) AS price_changed,
                      (o.price, o.currency, o.stock, o.available) IS DISTINCT FROM (c.price, c.currency, c.stock, c.available) AS sale_changed
        )
        SELECT a.id IS NOT NULL AS Applied, a.id AS OfferId, a.product_id AS ProductId, a.price AS Price, a.currency AS Currency,
               a.stock AS Stock, a.available AS Available, coalesce(a.price_changed, false) AS PriceChanged,
               coalesce(a.sale_changed, false) AS SaleChanged,
               coalesce(c.supplier_updated_at = c.changed_at AND NOT c.same, false) AS Contested
        FROM current c LEFT JOIN applied a ON a.id = c.id
        """;

    public const string Quarantine = """
        INSERT INTO quarantined_offers (supplier_code, supplier_sku, reason, sync_run_id)
        SELECT DISTINCT ON (q.sku) @Supplier, q.sku, q.reason, @SyncRunId
        FROM unnest(@Skus::text[], @Reasons::text[]) AS q (sku, reason)
        ORDER BY q.sku
        ON CONFLICT (supplier_code, supplier_sku) DO UPDATE
        SET reason = excluded.reason, sync_run_id = excluded.sync_run_id, seen_at = now();

        UPDATE sync_runs SET offers_quarantined = offers_quarantined + cardinality(@Skus::text[])
        WHERE id = @SyncRunId AND status = 'running';
        """;

    public const string Quarantined = """
        SELECT supplier_sku AS Sku, reason AS Reason, seen_at AS SeenAt FROM quarantined_offers
        WHERE supplier_code = @Supplier
        ORDER BY seen_at DESC, supplier_sku
        LIMIT @Limit
        """;

    public const string RecordPrice = """
        INSERT INTO offer_price_history (offer_id, price, currency) VALUES (@OfferId, @Price, @Currency)
        ON CONFLICT (offer_id, recorded_at) DO UPDATE SET price = excluded.price, currency = excluded.currency
        """;
}
