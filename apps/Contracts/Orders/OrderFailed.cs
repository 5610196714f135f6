namespace GamesDrop.Contracts.Orders;

/// <summary>The order ended as failed: released before payment for that reason, or paid with lines neither delivered nor refunded.</summary>
public sealed record OrderFailed(Guid OrderId, string Number, string Reason, DateTimeOffset At);
