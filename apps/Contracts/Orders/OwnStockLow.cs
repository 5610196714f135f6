namespace GamesDrop.Contracts.Orders;

/// <summary>
/// A product's own-stock keys still available fell to <paramref name="Threshold"/> or below; once per crossing, raised again
/// only after restocking lifted it above.
/// </summary>
public sealed record OwnStockLow(long ProductId, string Slug, string Title, int Available, int Threshold, DateTimeOffset At);
