using GamesDrop.Kernel.Features.Pricing;

namespace GamesDrop.Kernel.Features.Products;

internal static class ProductsSql
{
    /// <summary>
    /// The product, then every offer for it with its supplier's state, best first, then every variant of its game
    /// (the products sharing its title), itself included, then its price history over 90 days.
    /// Each offer's all-in price comes from the formula that prices the product (<see cref="PricingSql.OfferPrices"/>,
    /// parameters <c>@FeePercent</c> and <c>@FeeFixed</c>), so it is what checkout charges while that offer sells it.
    /// Its time to key is the median, from payment to the line's last key, of the supplier's last <c>@DeliveryLines</c>
    /// lines delivered in <c>@DeliveryDays</c> days: of this product when it has <c>@DeliveryMinLines</c> of them, else of
    /// all the supplier's products, else none.
    /// </summary>
    public static readonly string BySlug = $$"""
        SELECT slug AS Slug, title AS Title, platform AS Platform, region AS Region, edition AS Edition, genres AS Genres,
               release_date AS ReleaseDate, description AS Description, activation_notes AS ActivationNotes, image_url AS ImageUrl,
               price AS Price, in_stock AS InStock, stock_total AS StockTotal, price_updated_at AS PriceUpdatedAt
        FROM products WHERE slug = @Slug;

        -- An offer unchanged by the supplier's last full sync was confirmed when that sync started.
        WITH {{PricingSql.OfferPrices("SELECT id FROM products WHERE slug = @Slug")}}
        SELECT o.supplier_code AS Supplier, s.name AS SupplierName, o.supplier_sku AS Sku,
               o.price AS SupplierPrice, o.currency AS SupplierCurrency, round(o.price * r.rate_to_store, 2) AS Price,
               pr.price AS AllInPrice,
               o.stock AS Stock, o.available AS Available, s.enabled AS SupplierEnabled, s.reachable AS SupplierReachable,
               o.id = p.best_offer_id AS Best,
               greatest(o.synced_at, s.last_full_sync_at) AS SyncedAt, o.supplier_updated_at AS SupplierUpdatedAt,
               CASE WHEN d.product_lines >= @DeliveryMinLines THEN d.product_median
                    WHEN d.lines >= @DeliveryMinLines THEN d.median END AS SecondsToKey
        FROM products p
        JOIN supplier_offers o ON o.product_id = p.id
        JOIN suppliers s ON s.code = o.supplier_code
        LEFT JOIN currency_rates r ON r.currency = o.currency
        LEFT JOIN priced pr ON pr.offer_id = o.id
        CROSS JOIN LATERAL (
            SELECT count(*) FILTER (WHERE recent) AS lines,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE recent) AS median,
                   count(*) FILTER (WHERE product_recent) AS product_lines,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE product_recent) AS product_median
            FROM (
                -- A line refunded after its keys arrived was still delivered.
                SELECT extract(epoch FROM max(k.sold_at) - pay.captured_at)::float8 AS seconds,
                       row_number() OVER (ORDER BY max(k.sold_at) DESC) <= @DeliveryLines AS recent,
                       l.product_id = p.id
                       AND row_number() OVER (PARTITION BY l.product_id = p.id ORDER BY max(k.sold_at) DESC) <= @DeliveryLines AS product_recent
                FROM product_keys k
                JOIN order_lines l ON l.id = k.order_line_id AND l.status IN ('fulfilled', 'refunded')
                JOIN payments pay ON pay.order_id = l.order_id AND pay.captured_at IS NOT NULL
                WHERE k.supplier_code = o.supplier_code AND k.source = 'supplier' AND k.status = 'sold'
                  AND k.sold_at > now() - make_interval(days => @DeliveryDays)
                GROUP BY l.id, l.product_id, pay.captured_at
            ) delivered
        ) d
        WHERE p.slug = @Slug
        ORDER BY o.id = p.best_offer_id DESC, Price NULLS LAST, o.id;

        SELECT v.slug AS Slug, v.platform AS Platform, v.region AS Region, v.edition AS Edition, v.price AS Price,
               v.in_stock AS InStock, v.stock_total AS Stock
        FROM products p JOIN products v ON v.search_title = p.search_title
        WHERE p.slug = @Slug
        ORDER BY v.platform, v.region, v.edition = 'Standard' DESC, v.edition, v.id;

        -- The price history of the last 90 days, from the price it had when they began.
        (SELECT h.recorded_at AS At, h.price AS Price FROM product_price_history h JOIN products p ON p.id = h.product_id
         WHERE p.slug = @Slug AND h.recorded_at < now() - interval '90 days' ORDER BY h.recorded_at DESC, h.id DESC LIMIT 1)
        UNION ALL
        (SELECT h.recorded_at, h.price FROM product_price_history h JOIN products p ON p.id = h.product_id
         WHERE p.slug = @Slug AND h.recorded_at >= now() - interval '90 days' ORDER BY h.recorded_at, h.id)
        ORDER BY At;
        """;

    /// <summary>Products as search lists them, for the given slugs.</summary>
    public const string BySlugs = """
        SELECT slug AS Slug, title AS Title, platform AS Platform, region AS Region, edition AS Edition, image_url AS ImageUrl,
               price AS Price, in_stock AS InStock, release_date AS ReleaseDate
        FROM products WHERE slug = ANY (@Slugs)
        """;
}
