namespace GamesDrop.Contracts.Orders;

/// <summary>
/// The fraud check held the order: its payment is authorised, not charged, until staff review it by <paramref name="ReviewBy"/>.
/// <paramref name="Reasons"/> are the buyer-facing words; the rules that tripped stay on the order for staff.
/// </summary>
public sealed record OrderHeld(
    Guid OrderId, string Number, Guid? UserId, string Email, decimal Total, string Currency, IReadOnlyList<string> Reasons, DateTimeOffset ReviewBy,
    DateTimeOffset At);
