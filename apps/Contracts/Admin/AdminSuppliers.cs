using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Contracts.Admin;

/// <summary>A supplier as the kernel registers it: whether the store buys from it, whether it answers, its last full sync.</summary>
public sealed record RegisteredSupplier(string Code, string Name, string Currency, bool Enabled, bool Reachable, DateTimeOffset? LastFullSyncAt);

/// <summary>One row of the admin suppliers page; health is null while the suppliers app cannot be asked, score while the kernel has none for it.</summary>
public sealed record AdminSupplier(RegisteredSupplier Supplier, SupplierHealth? Health, SupplierScore? Score);

public sealed record SupplierSwitch(bool Enabled);
