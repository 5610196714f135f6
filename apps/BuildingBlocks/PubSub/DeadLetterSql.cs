namespace GamesDrop.BuildingBlocks.PubSub;

public static class DeadLetterSql
{
    // Once per event and route: a dead letter seen again (redelivered, or reported by every app's sidecar) adds nothing.
    public const string Record = """
        INSERT INTO messaging.dead_letters (message_id, pubsub_name, topic, route, data, attempts, last_error)
        VALUES (@MessageId, @PubsubName, @Topic, @Route, CAST(@Data AS jsonb), @Attempts, @Error)
        ON CONFLICT (message_id, route) DO NOTHING;
        """;
}
