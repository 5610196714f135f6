namespace GamesDrop.Contracts.Notifications;

/// <summary>
/// A notification not sent yet: <paramref name="Status"/> is pending (failed, retried at <paramref name="NextAttemptAt"/>) or
/// dead (given up until resent). <paramref name="Summary"/> says what it is, never its links. Times are UTC.
/// </summary>
public sealed record UndeliveredNotification(
    long Id, string EventId, string Channel, string Summary, string Status, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime NextAttemptAt);
