namespace GamesDrop.Contracts.Admin;

/// <summary>
/// Every setting staff stored in the kernel, by configuration key (<c>Store:PaymentFee:Percent</c>); configuration files
/// give the defaults of what is not stored. <paramref name="Version"/> grows with each change, so an app that gets an
/// older snapshot after a newer one keeps the newer.
/// </summary>
public sealed record SettingsChanged(long Version, IReadOnlyDictionary<string, string> Values);
