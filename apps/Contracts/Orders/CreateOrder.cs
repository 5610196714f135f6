namespace GamesDrop.Contracts.Orders;

/// <summary>Places an order for <paramref name="Lines"/> at today's store prices; no user for a guest.</summary>
/// <param name="ClientIp">The shopper's address as the BFF saw it, for the fraud checks.</param>
/// <param name="DeviceId">The BFF's long-lived device cookie, for the fraud checks.</param>
public sealed record CreateOrder(
    Guid? UserId, string Email, string? CartId, IReadOnlyList<CreateOrderLine> Lines, string? ClientIp = null, string? DeviceId = null);

public sealed record CreateOrderLine(string Slug, int Quantity);

/// <summary>
/// The placed order. <paramref name="ReceiptToken"/> is shown here only: the kernel keeps its hash, so whoever holds it
/// (a guest's receipt link) can read the order and reveal its keys.
/// </summary>
public sealed record CreatedOrder(Guid OrderId, string Number, string ReceiptToken, decimal Total, string Currency, IReadOnlyList<CreatedOrderLine> Lines);

/// <summary>A line with its title and unit price as locked when the order was placed.</summary>
public sealed record CreatedOrderLine(long LineId, string Slug, string Title, int Quantity, decimal UnitPrice);
