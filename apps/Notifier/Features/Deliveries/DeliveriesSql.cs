namespace GamesDrop.Notifier.Features.Deliveries;

internal static class DeliveriesSql
{
    public const string Enqueue = """
        INSERT INTO notifier.deliveries (event_id, channel, summary, payload) VALUES (@EventId, @Channel, @Summary, @Payload)
        ON CONFLICT (event_id, channel) DO NOTHING
        """;

    // Claimed under a lease, so replicas share the work and a sender that dies mid-send leaves it for a later try.
    public const string Claim = """
        UPDATE notifier.deliveries d SET next_attempt_at = now() + @Lease
        WHERE d.id IN (SELECT id FROM notifier.deliveries
                       WHERE channel = @Channel AND status = 'pending' AND next_attempt_at <= now()
                       ORDER BY next_attempt_at, id LIMIT @Batch FOR UPDATE SKIP LOCKED)
        RETURNING d.id AS Id, d.payload AS Payload, d.attempts AS Attempts
        """;

    public const string Sent = """
        UPDATE notifier.deliveries SET status = 'sent', payload = NULL, attempts = attempts + 1, sent_at = now(), last_error = NULL
        WHERE id = @Id
        """;

    public const string Failed = """
        UPDATE notifier.deliveries
        SET attempts = @Attempts, last_error = @Error, next_attempt_at = now() + @Delay,
            status = CASE WHEN @Dead THEN 'dead' ELSE 'pending' END
        WHERE id = @Id
        """;

    public const string Undelivered = """
        SELECT id AS Id, event_id AS EventId, channel AS Channel, summary AS Summary, status AS Status, attempts AS Attempts,
               last_error AS LastError, created_at AS CreatedAt, next_attempt_at AS NextAttemptAt
        FROM notifier.deliveries WHERE status <> 'sent' AND (status = 'dead' OR attempts > 0)
        ORDER BY id DESC LIMIT 200
        """;

    public const string Resend = """
        UPDATE notifier.deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
        WHERE id = @Id AND status <> 'sent'
        RETURNING channel
        """;
}
