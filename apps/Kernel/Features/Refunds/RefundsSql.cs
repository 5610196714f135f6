namespace GamesDrop.Kernel.Features.Refunds;

internal static class RefundsSql
{
    /// <summary>Taken before <see cref="Line"/> is read, as a reveal takes it: see <c>ReceiptsSql.LockKeyLine</c>.</summary>
    public const string LockLine = "SELECT id FROM order_lines WHERE order_id = @OrderId AND id = @LineId FOR UPDATE";

    /// <summary>The line, whether any of its keys was ever shown, and when the order's payment was captured.</summary>
    public const string Line = """
        SELECT l.id AS LineId, l.status AS Status, l.unit_price * l.quantity AS Amount, l.refund_requested_at IS NOT NULL AS Requested,
               EXISTS (SELECT 1 FROM product_keys k WHERE k.order_line_id = l.id AND k.revealed_at IS NOT NULL) AS Revealed,
               p.capture_id AS CaptureId, p.captured_at AS CapturedAt
        FROM order_lines l JOIN payments p ON p.order_id = l.order_id
        WHERE l.order_id = @OrderId AND l.id = @LineId
        """;

    public const string Request = "UPDATE order_lines SET refund_requested_at = now() WHERE id = @LineId AND refund_requested_at IS NULL";
}
