namespace GamesDrop.Notifier.Features.Mail;

internal static class MailSql
{
    public const string Add = """
        INSERT INTO notifier.mail (event_id, recipient, subject, body) VALUES (@EventId, @Recipient, @Subject, @Body)
        ON CONFLICT (event_id) DO NOTHING
        """;

    public const string Latest = """
        SELECT id AS Id, recipient AS Recipient, subject AS Subject, body AS Body, created_at AS CreatedAt
        FROM notifier.mail ORDER BY id DESC LIMIT 50
        """;
}
