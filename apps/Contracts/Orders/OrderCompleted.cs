namespace GamesDrop.Contracts.Orders;

/// <summary>
/// A paid order reached its final status (completed, partially_refunded or refunded) with
/// <paramref name="KeysDelivered"/> keys ready to reveal. Never carries a key.
/// </summary>
public sealed record OrderCompleted(Guid OrderId, string Number, Guid? UserId, string Email, int KeysDelivered, DateTimeOffset At);
