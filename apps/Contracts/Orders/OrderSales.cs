namespace GamesDrop.Contracts.Orders;

/// <summary>
/// What an order earned, for reports: <paramref name="Revenue"/> is what was captured less refunds, <paramref name="Cost"/>
/// what its delivered keys cost, both in <paramref name="Currency"/> (supplier costs converted at today's rates).
/// </summary>
public sealed record OrderSales(
    Guid OrderId, string Number, string Status, string Currency, decimal Revenue, decimal Cost, IReadOnlyList<OrderSalesLine> Lines);

/// <summary>A line with where its keys came from: supplier codes, or <c>stock</c> for own stock.</summary>
public sealed record OrderSalesLine(string Title, int Quantity, string Status, string Sources);
