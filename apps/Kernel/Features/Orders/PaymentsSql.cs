namespace GamesDrop.Kernel.Features.Orders;

internal static class PaymentsSql
{
    public const string ByOrder = """
        SELECT provider_order_id AS ProviderOrderId, capture_id AS CaptureId, amount AS Amount, refunded_amount AS RefundedAmount,
               currency AS Currency, authorization_id AS AuthorizationId
        FROM payments WHERE order_id = @OrderId
        """;

    public const string Authorize = """
        UPDATE payments SET authorization_id = @AuthorizationId, status = 'authorized' WHERE order_id = @OrderId AND authorization_id IS NULL;
        UPDATE orders SET review_by = @ReviewBy WHERE id = @OrderId;
        """;

    /// <summary>A held order released: its authorization was voided at the provider first.</summary>
    public const string Void = "UPDATE payments SET status = 'voided' WHERE order_id = @OrderId AND status = 'authorized'";

    public const string Create = """
        INSERT INTO payments (id, order_id, provider_order_id, approve_url, status, amount, currency)
        VALUES (@Id, @OrderId, @ProviderOrderId, @ApproveUrl, 'created', @Amount, @Currency)
        """;

    /// <summary>Only a payment not captured yet is captured: the one capture per order.</summary>
    public const string Capture = """
        UPDATE payments SET capture_id = @CaptureId, status = 'captured', captured_at = now()
        WHERE order_id = @OrderId AND capture_id IS NULL
        """;

    public const string RefundById = "SELECT order_id FROM refunds WHERE refund_id = @RefundId";

    public const string LinesOfOrder = "SELECT id FROM order_lines WHERE order_id = @OrderId AND id = ANY (@LineIds)";

    public const string Refund = """
        INSERT INTO refunds (refund_id, order_id, amount, currency, line_ids) VALUES (@RefundId, @OrderId, @Amount, @Currency, @LineIds);

        UPDATE payments
        SET refunded_amount = refunded_amount + @Amount,
            status = CASE WHEN refunded_amount + @Amount >= amount THEN 'refunded' ELSE 'partially_refunded' END
        WHERE order_id = @OrderId;

        UPDATE order_lines SET status = 'refunded' WHERE order_id = @OrderId AND id = ANY (@LineIds);
        """;
}
