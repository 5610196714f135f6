namespace GamesDrop.BuildingBlocks.PubSub;

internal static class OutboxSql
{
    public const string Channel = "gamesdrop_outbox";

    public const string Enqueue = """
        INSERT INTO messaging.outbox (id, source, pubsub_name, topic, data, traceparent)
        VALUES (@Id, @Source, @PubsubName, @Topic, CAST(@Data AS jsonb), @TraceParent);
        SELECT pg_notify('gamesdrop_outbox', @Source);
        """;

    // One row per event, as Enqueue writes them; events of one batch share created_at, so their relative order is not kept.
    public const string EnqueueMany = """
        INSERT INTO messaging.outbox (id, source, pubsub_name, topic, data, traceparent)
        SELECT e.id, @Source, @PubsubName, @Topic, CAST(e.data AS jsonb), @TraceParent
        FROM unnest(@Ids, @Data) AS e(id, data);
        SELECT pg_notify('gamesdrop_outbox', @Source);
        """;

    // NO KEY UPDATE: the Embedded broker inserts deliveries referencing the row from another connection,
    // and their foreign-key check must not wait for this transaction.
    public const string ClaimPending = """
        SELECT id, source, pubsub_name AS PubsubName, topic, data::text AS Data, traceparent AS TraceParent, created_at AS CreatedAt
        FROM messaging.outbox
        WHERE source = @Source AND relayed_at IS NULL AND next_attempt_at <= now()
        ORDER BY created_at, id
        LIMIT @Limit
        FOR NO KEY UPDATE SKIP LOCKED
        """;

    public const string MarkRelayed = "UPDATE messaging.outbox SET relayed_at = now(), last_error = NULL WHERE id = ANY(@Ids)";

    public const string MarkFailed = """
        UPDATE messaging.outbox
        SET attempts = attempts + 1, last_error = @Error,
            next_attempt_at = now() + make_interval(secs => least(power(2, attempts), 300))
        WHERE id = @Id
        """;

    // Relayed events whose deliveries are all settled are kept a week for inspection, then purged.
    public const string Purge = """
        DELETE FROM messaging.outbox o
        WHERE o.relayed_at < now() - interval '7 days'
          AND NOT EXISTS (SELECT 1 FROM messaging.deliveries d
                          WHERE d.message_id = o.id AND d.delivered_at IS NULL AND d.dead_at IS NULL)
        """;
}
