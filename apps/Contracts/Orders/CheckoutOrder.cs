namespace GamesDrop.Contracts.Orders;

/// <summary>
/// An order as checkout drives it; <paramref name="Payment"/> is null until the provider's order exists,
/// <paramref name="FraudDecision"/> until the fraud check ran (<see cref="FraudDecisions"/>, the stricter of its checks);
/// <paramref name="RegionRefusal"/> says, in the buyer's words, which key would not activate where they play.
/// </summary>
public sealed record CheckoutOrder(
    Guid OrderId, string Number, Guid? UserId, string Email, string? CartId, string Status, string Currency, decimal Total,
    IReadOnlyList<CheckoutOrderLine> Lines, CheckoutPayment? Payment, DateTimeOffset UpdatedAt, string? FraudDecision = null,
    string? RegionRefusal = null);

/// <summary>A line; <paramref name="ReservedStock"/> counts own-stock keys held for it, <paramref name="Status"/> is pending, fulfilled, refunded or failed.</summary>
public sealed record CheckoutOrderLine(
    long LineId, long ProductId, string Slug, string Title, int Quantity, decimal UnitPrice, string Status, int ReservedStock);

/// <param name="AuthorizationId">PayPal's authorization, for a held order: captured on approval, voided otherwise.</param>
public sealed record CheckoutPayment(
    string? ProviderOrderId, string? ApproveUrl, string Status, string? CaptureId, decimal Amount, decimal RefundedAmount,
    string? AuthorizationId = null);
