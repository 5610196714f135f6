namespace GamesDrop.Kernel.Features.Scoreboard;

internal static class ScoreboardSql
{
    /// <summary>
    /// Per supplier over the last <c>@Days</c>: purchases settled and the share filled, the median time to a key, claims
    /// against its keys (key_claims) per key delivered, and the margin of its sold keys (price less cost in the store currency,
    /// over price), and whether fulfilment tries it after the others: at least <c>@MinPurchases</c> settled and a fill rate
    /// under <c>@FillRateFloor</c>. Kept as one fragment so fulfilment's candidate order reads the same numbers and the same
    /// rule the admin sees.
    /// </summary>
    public const string Scores = """
        SELECT s.code AS Supplier,
               coalesce(p.settled, 0) AS Purchases,
               p.fill_rate AS FillRate,
               p.median_seconds AS MedianSecondsToKey,
               coalesce(c.claims, 0) AS Claims,
               CASE WHEN k.delivered > 0 THEN round(coalesce(c.claims, 0)::numeric / k.delivered, 4) END AS ClaimRate,
               k.margin AS Margin,
               coalesce(p.settled, 0) >= @MinPurchases AND coalesce(p.fill_rate < @FillRateFloor, false) AS TriedLast
        FROM suppliers s
        LEFT JOIN LATERAL (
            SELECT count(*)::int AS settled,
                   round(avg((outcome = 'fulfilled')::int), 4)::float8 AS fill_rate,
                   (percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_to_key) FILTER (WHERE outcome = 'fulfilled'))::float8 AS median_seconds
            FROM supplier_purchases WHERE supplier_code = s.code AND at > now() - make_interval(days => @Days)
        ) p ON true
        LEFT JOIN LATERAL (
            SELECT count(*)::int AS claims FROM key_claims WHERE supplier_code = s.code AND opened_at > now() - make_interval(days => @Days)
        ) c ON true
        LEFT JOIN LATERAL (
            SELECT count(*)::int AS delivered,
                   round(sum(l.unit_price - k.unit_cost * r.rate_to_store) / nullif(sum(l.unit_price), 0), 4) AS margin
            FROM product_keys k
            JOIN order_lines l ON l.id = k.order_line_id
            LEFT JOIN currency_rates r ON r.currency = k.cost_currency
            WHERE k.supplier_code = s.code AND k.status = 'sold' AND k.delivered_at > now() - make_interval(days => @Days)
        ) k ON true
        """;

    public const string All = Scores + "\nORDER BY s.code";

    public const string RecordPurchase = """
        INSERT INTO supplier_purchases (supplier_code, reference, outcome, seconds_to_key)
        SELECT code, @Reference, @Outcome, @SecondsToKey FROM suppliers WHERE code = @Supplier
        ON CONFLICT (supplier_code, reference) DO UPDATE SET outcome = excluded.outcome, seconds_to_key = excluded.seconds_to_key, at = now()
        RETURNING id
        """;
}
