namespace GamesDrop.Contracts.Orders;

/// <summary>
/// Asks the kernel whether every key of an order activates where the buyer plays: before payment in the country of the
/// buyer's account, and again with <paramref name="PayerCountry"/> (PayPal's payer.address.country_code) before capture.
/// </summary>
public sealed record CheckRegion(string? PayerCountry = null);

/// <param name="Fits">False when a key would not activate in <paramref name="Country"/>; nothing may be charged then.</param>
/// <param name="Country">The country checked; null when none is known yet (a guest before PayPal), which fits.</param>
/// <param name="Reason">Why not, in the buyer's words.</param>
public sealed record RegionVerdict(bool Fits, string? Country, string? Reason);
