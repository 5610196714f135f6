namespace GamesDrop.Contracts.Orders;

/// <summary>An order was placed at the locked prices; <paramref name="UserId"/> is null for a guest.</summary>
public sealed record OrderCreated(Guid OrderId, string Number, Guid? UserId, string Email, decimal Total, string Currency, DateTimeOffset At);
