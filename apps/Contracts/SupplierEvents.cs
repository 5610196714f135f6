namespace GamesDrop.Contracts;

/// <summary>A supplier told us an order of ours changed status (pushed); checkout picks keys up on completion.</summary>
public sealed record SupplierOrderUpdated(string Supplier, string SupplierOrderId, string? Reference, string Status, DateTimeOffset ChangedAt);

/// <summary>A supplier account's balance fell under its alert threshold.</summary>
public sealed record SupplierBalanceLow(string Supplier, decimal Balance, decimal Threshold, string Currency);
