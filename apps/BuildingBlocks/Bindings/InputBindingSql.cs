namespace GamesDrop.BuildingBlocks.Bindings;

internal static class InputBindingSql
{
    public const string CountFailure = """
        INSERT INTO messaging.input_binding_failures (binding, message_id, attempts, last_error)
        VALUES (@Binding, @MessageId, 1, @Error)
        ON CONFLICT (binding, message_id) DO UPDATE
        SET attempts = input_binding_failures.attempts + 1, last_error = EXCLUDED.last_error, failed_at = now()
        RETURNING attempts
        """;

    public const string Forget = "DELETE FROM messaging.input_binding_failures WHERE binding = @Binding AND message_id = @MessageId";
}
