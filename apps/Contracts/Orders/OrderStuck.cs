namespace GamesDrop.Contracts.Orders;

/// <summary>The reconciler found an order that had stopped moving and did <paramref name="Action"/> about it; for ops.</summary>
public sealed record OrderStuck(Guid OrderId, string Number, string Status, string Action, DateTimeOffset At);
