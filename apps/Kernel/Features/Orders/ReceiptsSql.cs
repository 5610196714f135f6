namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// What a buyer reads of an order. Each statement is built around <c>owner</c>, a condition on <c>o</c> (orders) that
/// only the buyer's orders meet: the user's id with the order id, or the receipt token's hash. Another user's order
/// reads exactly like a missing one.
/// </summary>
internal static class ReceiptsSql
{
    public const string OfUser = "o.id = @OrderId AND o.user_id = @UserId";
    /// <summary>The link shown at checkout, or one minted later for the receipt mail.</summary>
    public const string OfToken = "(o.receipt_token_hash = @TokenHash OR o.id = (SELECT r.order_id FROM receipt_links r WHERE r.token_hash = @TokenHash))";

    /// <summary>Stores a further link's hash for a guest's order; nothing when there is no such order or it has an account.</summary>
    public const string MintLink = """
        INSERT INTO receipt_links (token_hash, order_id)
        SELECT @TokenHash, o.id FROM orders o WHERE o.id = @OrderId AND o.user_id IS NULL
        RETURNING order_id
        """;

    /// <summary>
    /// Result sets: the order, its lines, the keys sold to them (with a claim on each, and which claimed key each replaces), its timeline (fraud checks are for staff only), and while
    /// it is held the rules that held it (the buyer reads them in plain words).
    /// </summary>
    public static string Receipt(string owner) => $"""
        SELECT o.id AS OrderId, o.number AS Number, o.status AS Status, o.email AS Email, o.currency AS Currency, o.total AS Total,
               o.created_at AS CreatedAt, o.review_by AS ReviewBy
        FROM orders o WHERE {owner};

        SELECT l.id AS LineId, l.title AS Title, l.slug AS Slug, l.quantity AS Quantity, l.unit_price AS UnitPrice, l.status AS Status,
               l.refund_requested_at IS NOT NULL AS RefundRequested,
               (SELECT p.captured_at FROM payments p WHERE p.order_id = o.id AND p.capture_id IS NOT NULL) AS CapturedAt
        FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE {owner} ORDER BY l.id;

        SELECT k.order_line_id AS LineId, k.id AS KeyId, k.revealed_at AS RevealedAt,
               c.reason AS ClaimReason, c.status AS ClaimStatus, c.resolution_note AS ClaimNote, c.opened_at AS ClaimOpenedAt,
               r.product_key_id AS ReplacesKeyId
        FROM product_keys k JOIN order_lines l ON l.id = k.order_line_id JOIN orders o ON o.id = l.order_id
        LEFT JOIN key_claims c ON c.product_key_id = k.id
        LEFT JOIN key_claims r ON r.replacement_key_id = k.id
        WHERE {owner} AND k.status = 'sold' ORDER BY k.id;

        SELECT e.step AS Step, e.at AS At FROM order_events e JOIN orders o ON o.id = e.order_id
        WHERE {owner} AND e.step NOT LIKE 'fraud-%' ORDER BY e.at, e.id;

        SELECT DISTINCT r->>'rule' FROM fraud_checks c JOIN orders o ON o.id = c.order_id, jsonb_array_elements(c.reasons) r
        WHERE {owner} AND o.status = 'held' ORDER BY 1;
        """;

    /// <summary>
    /// The sealed key when it is sold to a fulfilled line of the buyer's order; the reveal is logged and the first one
    /// kept on the key. Run in a transaction committed only once the key opened.
    /// </summary>
    /// <summary>
    /// Locks the key's line before a reveal, as a one-click refund does before it accepts: one waits for the other, and the
    /// next statement sees what it committed, so a key is never both revealed and refunded in one click.
    /// </summary>
    public const string LockKeyLine = """
        SELECT l.id FROM order_lines l JOIN product_keys k ON k.order_line_id = l.id WHERE k.id = @KeyId FOR UPDATE OF l
        """;

    public static string Reveal(string owner) => $"""
        WITH revealed AS (
            SELECT k.id, k.ciphertext, k.nonce, k.key_id, k.content_type, o.id AS order_id
            FROM product_keys k
            JOIN order_lines l ON l.id = k.order_line_id AND l.status = 'fulfilled' AND l.refund_requested_at IS NULL
            JOIN orders o ON o.id = l.order_id
            WHERE k.id = @KeyId AND k.status = 'sold' AND {owner}
        ), logged AS (
            INSERT INTO key_reveals (product_key_id, order_id, channel, user_id)
            SELECT id, order_id, @Channel, CAST(@UserId AS uuid) FROM revealed
        ), first AS (
            UPDATE product_keys SET revealed_at = now() WHERE id IN (SELECT id FROM revealed) AND revealed_at IS NULL
        )
        SELECT id AS KeyId, ciphertext AS Ciphertext, nonce AS Nonce, key_id AS VaultKeyId, content_type AS ContentType FROM revealed
        """;
}
