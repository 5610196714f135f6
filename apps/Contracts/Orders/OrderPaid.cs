namespace GamesDrop.Contracts.Orders;

public sealed record OrderPaid(Guid OrderId, string Number, Guid? UserId, string? CartId, decimal Amount, string Currency, DateTimeOffset At);
