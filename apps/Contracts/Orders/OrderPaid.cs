namespace GamesDrop.Contracts.Orders;

/// <summary>The order's payment was captured; published once per order.</summary>
public sealed record OrderPaid(Guid OrderId, string Number, Guid? UserId, string? CartId, decimal Amount, string Currency, DateTimeOffset At);
