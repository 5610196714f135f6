namespace GamesDrop.Kernel.Features.Analytics;

internal static class AnalyticsSql
{
    // The range is whole days in @Zone: from midnight of @From to midnight after @To, as instants (DST-safe in PostgreSQL).
    private const string Lo = "(CAST(@From AS date)::timestamp AT TIME ZONE @Zone)";
    private const string Hi = "((CAST(@To AS date) + 1)::timestamp AT TIME ZONE @Zone)";

    /// <summary>
    /// Result sets: each day with its captured orders, revenue and refunds (zero on quiet days); per supplier, keys sold and
    /// margin, refunds and claims; the top products; the funnel. Amounts are converted into the store currency with the
    /// stored rates and rounded to cents once, after summing.
    /// </summary>
    public const string Report = $"""
        SELECT g.day AS Day, COALESCE(s.orders, 0) AS Orders, COALESCE(s.revenue, 0) AS Revenue, COALESCE(r.refunds, 0) AS Refunds,
               COALESCE(s.revenue, 0) - COALESCE(r.refunds, 0) AS Net
        FROM (SELECT d::date AS day
              FROM generate_series(CAST(@From AS date)::timestamp, CAST(@To AS date)::timestamp, interval '1 day') AS d) g
        LEFT JOIN (
            SELECT (p.captured_at AT TIME ZONE @Zone)::date AS day, count(*) AS orders, round(sum(p.amount * x.rate_to_store), 2) AS revenue
            FROM payments p JOIN currency_rates x ON x.currency = p.currency
            WHERE p.captured_at >= {Lo} AND p.captured_at < {Hi}
            GROUP BY 1) s ON s.day = g.day
        LEFT JOIN (
            SELECT (f.created_at AT TIME ZONE @Zone)::date AS day, round(sum(f.amount * x.rate_to_store), 2) AS refunds
            FROM refunds f JOIN currency_rates x ON x.currency = f.currency
            WHERE f.created_at >= {Lo} AND f.created_at < {Hi}
            GROUP BY 1) r ON r.day = g.day
        ORDER BY g.day;

        WITH sold AS (
            SELECT k.supplier_code AS supplier, count(*) AS keys_sold,
                   sum(l.unit_price * xo.rate_to_store) FILTER (WHERE l.status = 'fulfilled') AS revenue,
                   sum(k.unit_cost * xc.rate_to_store) AS cost,
                   count(*) FILTER (WHERE k.unit_cost IS NULL OR xc.rate_to_store IS NULL) AS keys_without_cost
            FROM product_keys k
            JOIN order_lines l ON l.id = k.order_line_id
            JOIN orders o ON o.id = l.order_id
            LEFT JOIN currency_rates xo ON xo.currency = o.currency
            LEFT JOIN currency_rates xc ON xc.currency = k.cost_currency
            WHERE k.status = 'sold' AND k.sold_at >= {Lo} AND k.sold_at < {Hi}
            GROUP BY k.supplier_code),
        refunded AS (
            SELECT f.refund_id, f.amount * x.rate_to_store AS amount, f.line_ids
            FROM refunds f JOIN currency_rates x ON x.currency = f.currency
            WHERE f.created_at >= {Lo} AND f.created_at < {Hi}),
        -- A line's supplier is the one that delivered it; an unshown key goes back to stock on refund, the delivery stays.
        refunded_lines AS (
            SELECT r.refund_id, r.amount, l.unit_price * l.quantity AS value,
                   COALESCE((SELECT d.supplier_code FROM fulfilments d WHERE d.order_line_id = l.id AND d.supplier_code IS NOT NULL
                             ORDER BY d.id DESC LIMIT 1),
                            (SELECT k.supplier_code FROM product_keys k WHERE k.order_line_id = l.id ORDER BY k.id LIMIT 1)) AS supplier
            FROM refunded r JOIN order_lines l ON l.id = ANY (r.line_ids)),
        refund_shares AS (
            SELECT supplier, 1 AS lines,
                   amount * COALESCE(value / NULLIF(sum(value) OVER refund, 0), 1.0 / count(*) OVER refund) AS amount
            FROM refunded_lines WINDOW refund AS (PARTITION BY refund_id)
            UNION ALL
            SELECT NULL, 0, r.amount FROM refunded r WHERE NOT EXISTS (SELECT 1 FROM refunded_lines rl WHERE rl.refund_id = r.refund_id)),
        refunds_by AS (SELECT supplier, sum(lines) AS lines, sum(amount) AS amount FROM refund_shares GROUP BY supplier),
        claims AS (
            SELECT c.supplier_code AS supplier, count(*) AS claims, count(*) FILTER (WHERE c.status = 'open') AS open_claims
            FROM key_claims c WHERE c.opened_at >= {Lo} AND c.opened_at < {Hi}
            GROUP BY c.supplier_code),
        named AS (SELECT supplier FROM sold UNION SELECT supplier FROM refunds_by UNION SELECT supplier FROM claims)
        SELECT n.supplier AS Supplier, COALESCE(sp.name, 'Own stock') AS Name, COALESCE(s.keys_sold, 0) AS KeysSold,
               round(COALESCE(s.revenue, 0), 2) AS Revenue, round(COALESCE(s.cost, 0), 2) AS Cost,
               round(COALESCE(s.revenue, 0), 2) - round(COALESCE(s.cost, 0), 2) AS Margin, COALESCE(s.keys_without_cost, 0) AS KeysWithoutCost,
               COALESCE(rb.lines, 0) AS RefundedLines, round(COALESCE(rb.amount, 0), 2) AS Refunded,
               COALESCE(c.claims, 0) AS Claims, COALESCE(c.open_claims, 0) AS OpenClaims
        FROM named n
        LEFT JOIN suppliers sp ON sp.code = n.supplier
        LEFT JOIN sold s ON s.supplier IS NOT DISTINCT FROM n.supplier
        LEFT JOIN refunds_by rb ON rb.supplier IS NOT DISTINCT FROM n.supplier
        LEFT JOIN claims c ON c.supplier IS NOT DISTINCT FROM n.supplier
        ORDER BY n.supplier NULLS LAST;

        SELECT pr.id AS ProductId, pr.title AS Title, pr.slug AS Slug, sum(l.quantity) AS Units,
               round(sum(l.unit_price * l.quantity * x.rate_to_store), 2) AS Revenue
        FROM payments p
        JOIN order_lines l ON l.order_id = p.order_id
        JOIN products pr ON pr.id = l.product_id
        JOIN currency_rates x ON x.currency = p.currency
        WHERE p.captured_at >= {Lo} AND p.captured_at < {Hi} AND l.status NOT IN ('refunded', 'failed')
        GROUP BY pr.id
        ORDER BY Revenue DESC, Units DESC, pr.id
        LIMIT @Top;

        SELECT COALESCE(sum(f.product_views), 0)::bigint AS ProductViews, COALESCE(sum(f.cart_adds), 0)::bigint AS CartAdds,
               (SELECT count(*) FROM orders o WHERE o.created_at >= {Lo} AND o.created_at < {Hi}) AS Checkouts,
               (SELECT count(*) FROM payments p WHERE p.captured_at >= {Lo} AND p.captured_at < {Hi}) AS Paid
        FROM funnel_counts f WHERE f.bucket >= {Lo} AND f.bucket < {Hi};
        """;

    /// <summary>Adds a process's counts to the current quarter hour; many processes add to the same row.</summary>
    public const string AddFunnelCounts = """
        INSERT INTO funnel_counts AS f (bucket, product_views, cart_adds)
        VALUES (date_bin('15 minutes', now(), timestamptz '2000-01-01 00:00+00'), @ProductViews, @CartAdds)
        ON CONFLICT (bucket) DO UPDATE
        SET product_views = f.product_views + excluded.product_views, cart_adds = f.cart_adds + excluded.cart_adds
        """;
}
