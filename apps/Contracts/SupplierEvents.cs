namespace GamesDrop.Contracts;

/// <summary>A supplier told us an order of ours changed status (pushed); checkout picks keys up on completion.</summary>
public sealed record SupplierOrderUpdated(string Supplier, string SupplierOrderId, string? Reference, string Status, DateTimeOffset ChangedAt);

/// <summary>A supplier account's balance fell under its alert threshold.</summary>
public sealed record SupplierBalanceLow(string Supplier, decimal Balance, decimal Threshold, string Currency);

/// <summary>A supplier's circuit breaker opened (calls to it fail fast) or closed again; once per transition.</summary>
public sealed record SupplierCircuitChanged(string Supplier, bool Open, DateTimeOffset At);

/// <summary>A catalog sync run of a supplier ended in failure, with why.</summary>
public sealed record SupplierSyncFailed(string Supplier, long RunId, string Reason, DateTimeOffset At);
