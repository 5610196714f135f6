namespace GamesDrop.Kernel.Features.Fraud;

internal static class FraudSql
{
    public const string Recorded = """
        SELECT decision AS Decision, score AS Score, reasons::text AS Reasons FROM fraud_checks WHERE order_id = @OrderId AND stage = @Stage
        """;

    public const string HasPayment = "SELECT EXISTS (SELECT 1 FROM payments WHERE order_id = @OrderId)";

    public const string SetPayer = "UPDATE payments SET payer_id = @PayerId WHERE order_id = @OrderId";

    /// <summary>
    /// What the rules count, in one pass. Velocity counts other orders in the window; accounts (a user, or a guest's
    /// email) seen on the order's device or payer include the order's own. A missing user, address, device or payer counts nothing.
    /// </summary>
    public const string Signals = """
        WITH o AS (SELECT id, user_id, lower(email) AS email, client_ip, device_id, total FROM orders WHERE id = @OrderId),
             since AS (SELECT now() - make_interval(secs => @VelocitySeconds) AS velocity, now() - make_interval(secs => @AccountsSeconds) AS accounts)
        SELECT o.total AS Total, o.email AS Email,
            (SELECT count(*) FROM orders x WHERE x.user_id = o.user_id AND x.id <> o.id AND x.created_at > since.velocity)::int AS AccountOrders,
            (SELECT count(*) FROM orders x WHERE lower(x.email) = o.email AND x.id <> o.id AND x.created_at > since.velocity)::int AS EmailOrders,
            (SELECT count(*) FROM orders x WHERE x.client_ip = o.client_ip AND x.id <> o.id AND x.created_at > since.velocity)::int AS IpOrders,
            (SELECT count(*) FROM orders x WHERE x.device_id = o.device_id AND x.id <> o.id AND x.created_at > since.velocity)::int AS DeviceOrders,
            (SELECT count(*) FROM payments p JOIN orders x ON x.id = p.order_id
             WHERE p.payer_id = @PayerId AND x.id <> o.id AND x.created_at > since.velocity)::int AS PayerOrders,
            (SELECT count(*) FROM orders x JOIN payments p ON p.order_id = x.id
             WHERE (x.user_id = o.user_id OR lower(x.email) = o.email) AND x.id <> o.id AND p.capture_id IS NOT NULL)::int AS PaidBefore,
            (SELECT count(DISTINCT coalesce(x.user_id::text, lower(x.email))) FROM orders x
             WHERE x.device_id = o.device_id AND x.created_at > since.accounts)::int AS DeviceAccounts,
            (SELECT count(DISTINCT coalesce(x.user_id::text, lower(x.email))) FROM payments p JOIN orders x ON x.id = p.order_id
             WHERE p.payer_id = @PayerId AND x.created_at > since.accounts)::int AS PayerAccounts
        FROM o, since
        """;

    /// <summary>The rules any check of the order tripped.</summary>
    public const string Rules = """
        SELECT DISTINCT r->>'rule' FROM fraud_checks c, jsonb_array_elements(c.reasons) r WHERE c.order_id = @OrderId ORDER BY 1
        """;

    public const string Reviewed = "SELECT step FROM order_events WHERE order_id = @OrderId AND step LIKE 'review-%' LIMIT 1";

    public const string Record = """
        INSERT INTO fraud_checks (order_id, stage, decision, score, reasons) VALUES (@OrderId, @Stage, @Decision, @Score, CAST(@Reasons AS jsonb))
        """;
}
