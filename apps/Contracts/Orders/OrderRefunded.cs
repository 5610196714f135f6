namespace GamesDrop.Contracts.Orders;

/// <summary>A refund of <paramref name="Amount"/> was recorded; published once per refund id.</summary>
public sealed record OrderRefunded(Guid OrderId, string Number, decimal Amount, string Currency, DateTimeOffset At);
