using GamesDrop.Kernel.Features.Scoreboard;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>An offer a line can be bought from, with the supplier's stock.</summary>
internal sealed record CandidateRow(string Supplier, string Sku, decimal MaxUnitPrice, string Currency, int Stock);

/// <summary>
/// Supplier offers that can fill a line without costing more than the buyer pays for it, in the order fulfilment tries
/// them. The rule: cheapest first, except that a supplier the scoreboard shows filling fewer than
/// <see cref="ScoreboardSettings.FillRateFloor"/> of its recent purchases (over at least
/// <see cref="ScoreboardSettings.MinPurchases"/>) goes after every other. Its low price is no bargain when most attempts
/// fail: each failure costs the buyer time and may leave the line unfilled once the others' stock is gone. It stays a
/// candidate, so it still sells when it is the only one, and its recovering fill rate brings it back to the front.
/// An offer whose supplier excludes <c>country</c>, the buyer's when known (<see cref="Regions.RegionsSql.BuyerCountry"/>),
/// is no candidate: its key would not activate for them.
/// </summary>
internal static class Candidates
{
    public static Task<IReadOnlyList<CandidateRow>> ForLineAsync(OrderTransaction order, long productId, decimal unitPrice, ScoreboardSettings scoring, string? country) =>
        order.QueryAsync<CandidateRow>(OrderLinesSql.Candidates, new
        {
            Country = country, ProductId = productId, UnitPrice = unitPrice, scoring.Days, scoring.FillRateFloor, scoring.MinPurchases,
        });
}
