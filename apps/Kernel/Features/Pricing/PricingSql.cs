using GamesDrop.Kernel.Features.Wishlist;

namespace GamesDrop.Kernel.Features.Pricing;

/// <summary>
/// The store price of products, recomputed set-wise. Each statement is built around <c>targets</c>, a query
/// listing the product ids to reprice, so a caller can reprice inside its own statement batch; parameters
/// <c>@FeePercent</c> and <c>@FeeFixed</c> carry the payment fee.
/// </summary>
internal static class PricingSql
{
    /// <summary>
    /// Locks the products in id order. Every writer of products takes its locks this way, so concurrent batches
    /// cannot deadlock, and the repricing statement after it sees what the previous holder committed. NO KEY: a
    /// foreign-key check of another writer's new offer (a key share lock) must not wait on these, or it would wait out
    /// of order (a batch checks its offers' products before it locks products).
    /// </summary>
    public static string LockProducts(string targets) => $$"""
        SELECT count(*) FROM (SELECT id FROM products WHERE id IN ({{targets}}) ORDER BY id FOR NO KEY UPDATE) locked;
        """;

    /// <summary>
    /// CTEs <c>eligible</c> and <c>priced</c>: the price each offer of the target products would sell at, the one formula
    /// behind every store price, so a page showing an offer's all-in price shows what checkout charges when it sells.
    /// That price is the offer's cost in the store currency (offers with no rate are left out) plus the margin of the most specific rule (supplier and genre, supplier, genre, default; a tie between
    /// genres goes to the higher margin; rules name genres in lower case, the catalog as suppliers spell them), at least its floor, then grossed up by the payment fee so the buyer's
    /// payment less the fee is cost plus margin, rounded up to the cent so the fee never eats the margin.
    /// Only offers that can be sold count: available, in stock, from an enabled supplier that is reachable.
    /// With <paramref name="fewTargets"/> the targets' offers are probed in the product index as an array: a
    /// planner that counts the targets as thousands, or the offers as few while statistics lag a growing catalog,
    /// would otherwise read every offer to find those of a batch's thousand products.
    /// </summary>
    public static string OfferPrices(string targets, bool fewTargets = false) => $$"""
        eligible AS (
            SELECT o.product_id, o.id AS offer_id, o.supplier_code, o.stock, o.price * r.rate_to_store AS cost
            FROM supplier_offers o
            JOIN suppliers s ON s.code = o.supplier_code AND s.enabled AND s.reachable
            JOIN currency_rates r ON r.currency = o.currency
            WHERE {{(fewTargets ? $"o.product_id = ANY (ARRAY({targets}))" : $"o.product_id IN ({targets})")}} AND o.available AND o.stock > 0
        ), priced AS (
            SELECT e.product_id, e.offer_id, e.cost, {{StorePrice("e.cost")}} AS price
            FROM eligible e
            JOIN products p ON p.id = e.product_id
            CROSS JOIN LATERAL ({{MarginRule("e.supplier_code", "p.genres")}}) m
        )
        """;

    /// <summary>
    /// The store price of each target product: the price of its best offer (<see cref="OfferPrices"/>), the one with the
    /// lowest price. Products are written only when something changed, and a changed price is added to the product's
    /// price history in the same statement.
    /// </summary>
    public static string Reprice(string targets, bool fewTargets = false) => $$"""
        WITH {{OfferPrices(targets, fewTargets)}}, best AS (
            SELECT DISTINCT ON (product_id) product_id, offer_id, price
            FROM priced
            ORDER BY product_id, price, cost, offer_id
        ), stock AS (
            SELECT product_id, sum(stock)::int AS total FROM eligible GROUP BY product_id
        ), next AS (
            SELECT t.id, b.offer_id, b.price, coalesce(s.total, 0) AS stock_total, cur.price AS old_price
            FROM (SELECT DISTINCT id FROM ({{targets}}) AS t (id)) t
            JOIN products cur ON cur.id = t.id
            LEFT JOIN best b ON b.product_id = t.id
            LEFT JOIN stock s ON s.product_id = t.id
        ), changed AS (
            UPDATE products p
            SET best_offer_id = n.offer_id, price = n.price, stock_total = n.stock_total,
                in_stock = n.offer_id IS NOT NULL, price_updated_at = now()
            FROM next n
            WHERE p.id = n.id
              AND (p.best_offer_id, p.price, p.stock_total) IS DISTINCT FROM (n.offer_id, n.price, n.stock_total)
            RETURNING p.id, p.price, n.old_price
        )
        -- The price history gains a point only when the price itself changed, not the stock or the offer behind it.
        INSERT INTO product_price_history (product_id, price)
        SELECT id, price FROM changed WHERE price IS DISTINCT FROM old_price;
        """;

    /// <summary>
    /// The margin rule (as <c>m</c>) of an offer of <paramref name="supplier"/> for a product in <paramref name="genres"/>:
    /// the most specific, see <see cref="OfferPrices"/>.
    /// </summary>
    public static string MarginRule(string supplier, string genres) => $$"""
        SELECT mr.margin_percent, mr.min_margin
        FROM margin_rules mr
        WHERE (mr.supplier_code IS NULL OR mr.supplier_code = {{supplier}})
          AND (mr.genre IS NULL OR EXISTS (SELECT 1 FROM unnest({{genres}}) g WHERE lower(g) = lower(mr.genre)))
        ORDER BY mr.supplier_code IS NULL, mr.genre IS NULL, mr.margin_percent DESC, mr.id
        LIMIT 1
        """;

    /// <summary>The store price of an offer costing <paramref name="cost"/> under margin rule <c>m</c>, see <see cref="OfferPrices"/>.</summary>
    public static string StorePrice(string cost) =>
        $"ceil(({cost} + greatest({cost} * m.margin_percent / 100, m.min_margin) + @FeeFixed) / (1 - @FeePercent / 100) * 100) / 100";

    public static readonly string RepriceProducts = Locked("SELECT unnest(CAST(@ProductIds AS bigint[]))");

    public static readonly string RepriceCurrency = Locked("SELECT product_id FROM supplier_offers WHERE currency = @Currency");

    public static readonly string RepriceSupplier = Locked("SELECT product_id FROM supplier_offers WHERE supplier_code = @Supplier");

    public static readonly string RepriceAll = Locked("SELECT product_id FROM supplier_offers UNION SELECT id FROM products WHERE best_offer_id IS NOT NULL");

    // Result sets: the products locked, then the wishlist price drops the new prices made.
    private static string Locked(string targets) => LockProducts(targets) + "\n" + Reprice(targets) + "\n" + WishlistSql.PriceDrops(targets);
}
