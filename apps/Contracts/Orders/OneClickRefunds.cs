namespace GamesDrop.Contracts.Orders;

/// <summary>
/// A buyer's one-click refund of a line whose keys were never revealed, accepted by the kernel: refund
/// <paramref name="Amount"/> of capture <paramref name="CaptureId"/> on PayPal, then record it. <paramref name="Refunded"/>
/// when that was already done, so a repeated click pays nothing twice.
/// </summary>
public sealed record OneClickRefund(Guid OrderId, long LineId, string CaptureId, decimal Amount, string Currency, bool Refunded);

/// <summary>What the BFF asks checkout for, once it has checked that the order is the caller's.</summary>
public sealed record RequestRefund(Guid OrderId, long LineId);
