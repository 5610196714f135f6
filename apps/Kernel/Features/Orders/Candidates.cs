namespace GamesDrop.Kernel.Features.Orders;

/// <summary>An offer a line can be bought from, with the supplier's stock.</summary>
internal sealed record CandidateRow(string Supplier, string Sku, decimal MaxUnitPrice, string Currency, int Stock);

/// <summary>Supplier offers that can fill a line without costing more than the buyer pays for it.</summary>
internal static class Candidates
{
    public static Task<IReadOnlyList<CandidateRow>> ForLineAsync(OrderTransaction order, long productId, decimal unitPrice) =>
        order.QueryAsync<CandidateRow>(OrderLinesSql.Candidates, new { ProductId = productId, UnitPrice = unitPrice });
}
