namespace GamesDrop.Kernel.Features.Admin;

internal static class AdminOrdersSql
{
    // Every filter is optional (null); the email is a substring (ILIKE, its wildcards escaped by the caller), the supplier
    // one whose keys an order's lines received.
    private const string Matching = """
        (CAST(@Status AS text) IS NULL OR o.status = @Status)
          AND (CAST(@From AS timestamptz) IS NULL OR o.created_at >= @From)
          AND (CAST(@To AS timestamptz) IS NULL OR o.created_at < @To)
          AND (CAST(@EmailLike AS text) IS NULL OR o.email ILIKE '%' || @EmailLike || '%')
          AND (CAST(@MinTotal AS numeric) IS NULL OR o.total >= @MinTotal)
          AND (CAST(@MaxTotal AS numeric) IS NULL OR o.total <= @MaxTotal)
          AND (CAST(@Supplier AS text) IS NULL OR EXISTS (
                SELECT 1 FROM order_lines l JOIN product_keys k ON k.order_line_id = l.id
                WHERE l.order_id = o.id AND k.supplier_code = @Supplier))
        """;

    /// <summary>Result sets: one page of the matching orders newest first, then how many match.</summary>
    public const string Page = $"""
        SELECT o.id AS Id, o.number AS Number, o.email AS Email, o.status AS Status, o.currency AS Currency, o.total AS Total,
               o.created_at AS CreatedAt
        FROM orders o WHERE {Matching}
        ORDER BY o.created_at DESC, o.id DESC LIMIT @Limit OFFSET @Offset;

        SELECT count(*) FROM orders o WHERE {Matching};
        """;

    /// <summary>Result sets: the order, its lines, its payment, refunds, the whole timeline (fraud steps too), and each key's provenance.</summary>
    public const string Detail = """
        SELECT o.id AS Id, o.number AS Number, o.user_id AS UserId, o.email AS Email, o.status AS Status, o.status_reason AS StatusReason,
               o.currency AS Currency, o.total AS Total, o.created_at AS CreatedAt, o.review_by AS ReviewBy
        FROM orders o WHERE o.id = @OrderId;

        SELECT l.id AS LineId, l.title AS Title, l.slug AS Slug, l.quantity AS Quantity, l.unit_price AS UnitPrice,
               l.status AS Status, l.error AS Error
        FROM order_lines l WHERE l.order_id = @OrderId ORDER BY l.id;

        SELECT provider_order_id AS ProviderOrderId, capture_id AS CaptureId, authorization_id AS AuthorizationId, status AS Status,
               amount AS Amount, refunded_amount AS RefundedAmount, currency AS Currency, created_at AS CreatedAt, captured_at AS CapturedAt
        FROM payments WHERE order_id = @OrderId;

        SELECT refund_id AS RefundId, amount AS Amount, currency AS Currency, line_ids AS LineIds, created_at AS At
        FROM refunds WHERE order_id = @OrderId ORDER BY created_at, refund_id;

        SELECT step AS Step, note AS Note, at AS At FROM order_events WHERE order_id = @OrderId ORDER BY at, id;

        SELECT k.id AS KeyId, k.order_line_id AS LineId, k.source AS Source, k.supplier_code AS Supplier, k.supplier_order_id AS SupplierOrderId,
               k.unit_cost AS UnitCost, k.cost_currency AS CostCurrency, k.bought_at AS BoughtAt, k.delivered_at AS DeliveredAt,
               k.revealed_at AS RevealedAt, k.status AS Status
        FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id
        WHERE l.order_id = @OrderId ORDER BY k.id;
        """;

    /// <summary>
    /// A key sold to a line of the order, logged as shown to the admin. The key's <c>revealed_at</c> is the buyer's
    /// first look, which ends a one-click refund: staff looking does not take that right from the buyer.
    /// </summary>
    public const string Reveal = """
        WITH revealed AS (
            SELECT k.id, k.ciphertext, k.nonce, k.key_id, k.content_type, l.order_id
            FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id
            WHERE k.id = @KeyId AND k.status = 'sold' AND l.order_id = @OrderId
        ), logged AS (
            INSERT INTO key_reveals (product_key_id, order_id, channel, user_id)
            SELECT id, order_id, 'admin', @AdminId FROM revealed
        )
        SELECT id AS KeyId, ciphertext AS Ciphertext, nonce AS Nonce, key_id AS VaultKeyId, content_type AS ContentType FROM revealed
        """;

    public const string RecordManualFulfilment = """
        INSERT INTO fulfilments (order_line_id, source, status, completed_at) VALUES (@LineId, 'manual', 'delivered', now())
        """;
}
