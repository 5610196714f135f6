namespace GamesDrop.Contracts.Orders;

/// <summary>The reconciler found an order that stopped moving in <paramref name="Status"/> and what it did about it.</summary>
public sealed record OrderStuck(Guid OrderId, string Number, string Status, string Action, DateTimeOffset At);
