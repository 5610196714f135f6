namespace GamesDrop.Kernel.Features.Claims;

internal static class ClaimsSql
{
    /// <summary>A key sold to a line of the order, with what a claim on it needs to know.</summary>
    public const string Key = """
        SELECT k.id AS KeyId, k.order_line_id AS LineId, k.supplier_code AS Supplier, k.revealed_at IS NOT NULL AS Revealed,
               l.status AS LineStatus, l.title AS Title
        FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id
        WHERE k.id = @KeyId AND l.order_id = @OrderId AND k.status = 'sold'
        """;

    /// <summary>One claim per key: nothing (no id) when the key has one already. The supplier is copied from the key.</summary>
    public const string Open = """
        INSERT INTO key_claims (order_id, order_line_id, product_key_id, supplier_code, reason, message)
        SELECT @OrderId, k.order_line_id, k.id, k.supplier_code, @Reason, @Message FROM product_keys k WHERE k.id = @KeyId
        ON CONFLICT (product_key_id) DO NOTHING
        RETURNING id
        """;

    private const string Select = """
        SELECT c.id AS ClaimId, c.order_id AS OrderId, o.number AS OrderNumber, c.order_line_id AS LineId, l.title AS Title,
               c.product_key_id AS KeyId, c.supplier_code AS Supplier, c.reason AS Reason, c.message AS Message, c.status AS Status,
               c.opened_at AS OpenedAt, c.resolved_at AS ResolvedAt, c.resolution_note AS ResolutionNote, c.replacement_key_id AS ReplacementKeyId
        FROM key_claims c JOIN orders o ON o.id = c.order_id JOIN order_lines l ON l.id = c.order_line_id
        """;

    public const string ById = Select + " WHERE c.id = @ClaimId";

    /// <summary>Taken once the claim's order is locked, so a resolution sees what the one before it committed.</summary>
    public const string Lock = ById + " FOR UPDATE OF c";

    /// <summary>Oldest first: the buyer waiting longest is answered first.</summary>
    public const string List = Select + """
         WHERE (CAST(@Status AS text) IS NULL OR c.status = @Status)
        ORDER BY c.opened_at, c.id
        LIMIT 200
        """;

    public const string Resolve = """
        UPDATE key_claims SET status = @Status, resolved_at = now(), resolved_by = @ResolvedBy, resolution_note = @Note,
                              replacement_key_id = @ReplacementKeyId
        WHERE id = @ClaimId AND status = 'open'
        """;

    public const string LineStatus = "SELECT status FROM order_lines WHERE id = @LineId";

    /// <summary>An own-stock key of the line's product is sold to the line; result: its id and product, none when stock is out.</summary>
    public const string TakeFromStock = """
        UPDATE product_keys SET status = 'sold', order_line_id = @LineId, sold_at = now(), reserved_until = NULL
        WHERE id = (SELECT k.id FROM product_keys k JOIN order_lines l ON l.product_id = k.product_id
                    WHERE l.id = @LineId AND k.status = 'available' ORDER BY k.id LIMIT 1 FOR UPDATE OF k SKIP LOCKED)
        RETURNING id AS KeyId, product_id AS ProductId
        """;

    public const string LineProduct = "SELECT product_id FROM order_lines WHERE id = @LineId";

    /// <summary>The key a supplier delivery stored for the line.</summary>
    public const string DeliveredKey = """
        SELECT id FROM product_keys
        WHERE order_line_id = @LineId AND supplier_code = @Supplier AND supplier_order_id = @SupplierOrderId AND status = 'sold'
        ORDER BY id LIMIT 1
        """;
}
