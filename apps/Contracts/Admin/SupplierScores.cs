namespace GamesDrop.Contracts.Admin;

/// <summary>
/// A supplier's scoreboard over recent days: purchases settled, the share filled, median seconds to a key, claims against its
/// keys (and per key delivered), the margin of its sold keys as a share of their price, and whether fulfilment tries it after
/// the others because its fill rate is under the floor.
/// </summary>
public sealed record SupplierScore(
    string Supplier, int Purchases, double? FillRate, double? MedianSecondsToKey, int Claims, decimal? ClaimRate, decimal? Margin, bool TriedLast);
