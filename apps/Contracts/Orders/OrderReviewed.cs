namespace GamesDrop.Contracts.Orders;

/// <summary>A held order's review ended: <paramref name="Outcome"/> is approved, denied or expired (<see cref="ReviewOutcomes"/>).</summary>
public sealed record OrderReviewed(Guid OrderId, string Number, Guid? UserId, string Email, string Outcome, string DecidedBy, DateTimeOffset At);
