namespace GamesDrop.Contracts.Admin;

/// <summary>
/// A supplier's scoreboard over recent days: purchases settled, the share filled, median seconds to a key, claims against its
/// keys (and per key delivered), and the margin of its sold keys as a share of their price.
/// </summary>
public sealed record SupplierScore(
    string Supplier, int Purchases, double? FillRate, double? MedianSecondsToKey, int Claims, decimal? ClaimRate, decimal? Margin);
