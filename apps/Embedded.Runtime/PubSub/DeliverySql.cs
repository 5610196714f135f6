using GamesDrop.BuildingBlocks.PubSub;

namespace GamesDrop.Embedded.Runtime.PubSub;

internal static class DeliverySql
{
    public const string InsertMany = """
        INSERT INTO messaging.deliveries (message_id, route, dead_letter_topic)
        SELECT * FROM unnest(@MessageIds::uuid[], @Routes::text[], @DeadLetterTopics::text[])
        ON CONFLICT (message_id, route) DO NOTHING
        """;

    // A claim is a lease: a worker that dies mid-delivery leaves the row to be claimed again.
    public const string ClaimDue = """
        WITH due AS (
            SELECT id FROM messaging.deliveries
            WHERE delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= now()
              AND (locked_until IS NULL OR locked_until < now())
            ORDER BY next_attempt_at, id
            LIMIT @Limit
            FOR UPDATE SKIP LOCKED),
        claimed AS (
            UPDATE messaging.deliveries d SET locked_until = now() + interval '2 minutes'
            FROM due WHERE d.id = due.id
            RETURNING d.id, d.message_id, d.route, d.dead_letter_topic, d.attempts)
        SELECT c.id AS DeliveryId, c.route AS Route, c.dead_letter_topic AS DeadLetterTopic, c.attempts AS Attempts,
               o.id AS MessageId, o.source AS Source, o.pubsub_name AS PubsubName, o.topic AS Topic,
               o.data::text AS Data, o.traceparent AS TraceParent, o.created_at AS CreatedAt
        FROM claimed c JOIN messaging.outbox o ON o.id = c.message_id
        """;

    public const string Release = """
        UPDATE messaging.deliveries SET locked_until = NULL
        WHERE id = ANY(@Ids) AND delivered_at IS NULL AND dead_at IS NULL
        """;

    // Session-level: held while the first worker's connection lives, freed by PostgreSQL when its process dies.
    public const string TakeDeliveryLock = "SELECT pg_try_advisory_lock(hashtext('gamesdrop.messaging.deliveries'))";

    public const string ReleaseAll = """
        UPDATE messaging.deliveries SET locked_until = NULL
        WHERE locked_until IS NOT NULL AND delivered_at IS NULL AND dead_at IS NULL
        """;

    public const string MarkDelivered = """
        UPDATE messaging.deliveries
        SET delivered_at = now(), attempts = attempts + 1, locked_until = NULL, last_error = @Note
        WHERE id = @DeliveryId
        """;

    public const string ScheduleRetry = """
        UPDATE messaging.deliveries
        SET attempts = attempts + 1, locked_until = NULL, last_error = @Error,
            next_attempt_at = now() + make_interval(secs => @DelaySeconds)
        WHERE id = @DeliveryId
        """;

    public const string MarkDead = """
        UPDATE messaging.deliveries
        SET dead_at = now(), attempts = attempts + 1, locked_until = NULL, last_error = @Error
        WHERE id = @DeliveryId;
        """ + DeadLetterSql.Record;
}

/// <summary>A claimed delivery with the event it carries.</summary>
internal sealed record DueDelivery(
    long DeliveryId, string Route, string? DeadLetterTopic, int Attempts,
    Guid MessageId, string Source, string PubsubName, string Topic, string Data, string? TraceParent, DateTime CreatedAt);
