namespace GamesDrop.Contracts;

/// <summary>A stored exchange rate changed: 1 unit of <paramref name="Currency"/> = <paramref name="RateToStore"/> store currency.</summary>
public sealed record CurrencyRateChanged(string Currency, decimal RateToStore, DateTimeOffset ChangedAt);
