namespace GamesDrop.Kernel.Features.Orders;

internal static class OrdersSql
{
    private const string Summary = """
        o.id AS Id, o.number AS Number, o.status AS Status, o.currency AS Currency, o.total AS Total, o.created_at AS CreatedAt
        """;

    private const string Row = """
        o.id AS Id, o.number AS Number, o.user_id AS UserId, o.email AS Email, o.cart_id AS CartId, o.status AS Status,
        o.currency AS Currency, o.total AS Total, o.updated_at AS UpdatedAt
        """;

    public const string ByUser = $"SELECT {Summary} FROM orders o WHERE o.user_id = @UserId ORDER BY o.created_at DESC LIMIT 200";

    public const string UserExists = "SELECT EXISTS (SELECT 1 FROM users WHERE id = @UserId)";

    /// <summary>Products as they sell now: a product without a price cannot be ordered.</summary>
    public const string Selling = """
        SELECT id AS Id, slug AS Slug, title AS Title, price AS Price FROM products WHERE slug = ANY (@Slugs) AND price IS NOT NULL
        """;

    /// <summary>Result sets: the order number, then the lines in the order given.</summary>
    public const string Create = """
        INSERT INTO orders (id, number, user_id, email, cart_id, receipt_token_hash, status, currency, total, client_ip, device_id)
        VALUES (@Id, 'GD-' || nextval('order_numbers'), @UserId, @Email, @CartId, @ReceiptTokenHash, 'pending', @Currency, @Total,
                CAST(@ClientIp AS inet), @DeviceId)
        RETURNING number;

        INSERT INTO order_lines (order_id, product_id, quantity, unit_price, slug, title)
        SELECT @Id, l.product_id, l.quantity, l.unit_price, l.slug, l.title
        FROM unnest(CAST(@ProductIds AS bigint[]), CAST(@Quantities AS int[]), CAST(@UnitPrices AS numeric[]),
                    CAST(@Slugs AS text[]), CAST(@Titles AS text[])) WITH ORDINALITY AS l (product_id, quantity, unit_price, slug, title, n)
        ORDER BY l.n;

        SELECT id AS LineId, slug AS Slug, title AS Title, quantity AS Quantity, unit_price AS UnitPrice
        FROM order_lines WHERE order_id = @Id ORDER BY id;
        """;

    public const string Lock = $"""
        SELECT {Row}, EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id AND p.capture_id IS NOT NULL) AS Captured
        FROM orders o WHERE o.id = @OrderId FOR UPDATE OF o
        """;

    public const string SetStatus = """
        UPDATE orders SET status = @Status, status_reason = coalesce(@Reason, status_reason), updated_at = now() WHERE id = @OrderId
        """;

    public const string Step = """
        WITH step AS (
            INSERT INTO order_events (order_id, step, note) VALUES (@OrderId, @Step, @Note)
            ON CONFLICT DO NOTHING RETURNING order_id)
        UPDATE orders SET updated_at = now() WHERE id IN (SELECT order_id FROM step)
        """;

    /// <summary>Result sets: the order, its lines with the own-stock keys held for each, its payment, its fraud decision.</summary>
    public const string Checkout = $"""
        SELECT {Row}, false AS Captured FROM orders o WHERE o.id = @OrderId;

        SELECT l.id AS LineId, l.product_id AS ProductId, l.slug AS Slug, l.title AS Title, l.quantity AS Quantity,
               l.unit_price AS UnitPrice, l.status AS Status,
               (SELECT count(*)::int FROM product_keys k WHERE k.order_line_id = l.id AND k.status = 'reserved') AS ReservedStock
        FROM order_lines l WHERE l.order_id = @OrderId ORDER BY l.id;

        SELECT provider_order_id AS ProviderOrderId, approve_url AS ApproveUrl, status AS Status, capture_id AS CaptureId,
               amount AS Amount, refunded_amount AS RefundedAmount, authorization_id AS AuthorizationId
        FROM payments WHERE order_id = @OrderId;

        SELECT decision FROM fraud_checks WHERE order_id = @OrderId ORDER BY stage = 'payer' DESC LIMIT 1;

        SELECT note FROM order_events WHERE order_id = @OrderId AND step = 'region-refused' ORDER BY id DESC LIMIT 1;
        """;

    public const string Stuck = """
        SELECT id AS OrderId, number AS Number, status AS Status, updated_at AS UpdatedAt
        FROM orders
        WHERE status IN ('pending', 'reserved', 'awaiting_payment', 'paid', 'fulfilling')
          AND updated_at < now() - make_interval(secs => @OlderThanSeconds)
        ORDER BY updated_at
        LIMIT 500
        """;

    public const string PendingLines = """
        SELECT l.id AS LineId, l.product_id AS ProductId, l.slug AS Slug, l.quantity AS Quantity, l.unit_price AS UnitPrice
        FROM order_lines l WHERE l.order_id = @OrderId AND l.status = 'pending' ORDER BY l.id
        """;

    /// <summary>
    /// Holds up to <c>@Count</c> available keys of the product for the line. SKIP LOCKED: concurrent buyers each take
    /// keys no one else is taking instead of queueing behind one another; a key another transaction just took is
    /// re-checked under its lock and skipped once it is no longer available, so no key is held twice.
    /// </summary>
    public const string ReserveStock = """
        UPDATE product_keys SET status = 'reserved', order_line_id = @LineId, reserved_until = now() + make_interval(mins => @HoldMinutes)
        WHERE id IN (
            SELECT id FROM product_keys
            WHERE product_id = @ProductId AND status = 'available'
            ORDER BY id
            LIMIT @Count
            FOR UPDATE SKIP LOCKED)
        """;

    /// <summary>Own-stock keys held for the order go back to stock.</summary>
    public const string ReleaseStock = """
        UPDATE product_keys SET status = 'available', order_line_id = NULL, reserved_until = NULL
        WHERE status = 'reserved' AND order_line_id IN (SELECT id FROM order_lines WHERE order_id = @OrderId)
        """;

    /// <summary>Once paid, held keys wait for this order's fulfilment however long it takes.</summary>
    public const string KeepStock = """
        UPDATE product_keys SET reserved_until = NULL
        WHERE status = 'reserved' AND order_line_id IN (SELECT id FROM order_lines WHERE order_id = @OrderId)
        """;

    /// <summary>Per line: its status and how many keys are sold to it (for the final status and keys delivered).</summary>
    public const string LineOutcomes = """
        SELECT l.status AS Status, (SELECT count(*)::int FROM product_keys k WHERE k.order_line_id = l.id AND k.status = 'sold') AS Keys
        FROM order_lines l WHERE l.order_id = @OrderId ORDER BY l.id
        """;
}
