namespace GamesDrop.Contracts.Admin;

// The kernel's orders as staff read them (times UTC); the BFF passes them on to the admin pages.

public sealed record AdminOrderPage(IReadOnlyList<AdminOrderSummary> Items, long Total);

public sealed record AdminOrderSummary(Guid Id, string Number, string Email, string Status, string Currency, decimal Total, DateTime CreatedAt);

public sealed record AdminOrder(
    AdminOrderHead Order, IReadOnlyList<AdminOrderLine> Lines, AdminPayment? Payment, IReadOnlyList<AdminRefund> Refunds,
    IReadOnlyList<AdminOrderStep> Timeline, IReadOnlyList<AdminKeyProvenance> Keys);

public sealed record AdminOrderHead(
    Guid Id, string Number, Guid? UserId, string Email, string Status, string? StatusReason, string Currency, decimal Total,
    DateTime CreatedAt, DateTime? ReviewBy);

public sealed record AdminOrderLine(
    long LineId, string Title, string Slug, int Quantity, decimal UnitPrice, string Status, string? Error);

public sealed record AdminPayment(
    string? ProviderOrderId, string? CaptureId, string? AuthorizationId, string Status, decimal Amount, decimal RefundedAmount, string Currency,
    DateTime CreatedAt, DateTime? CapturedAt);

public sealed record AdminRefund(string RefundId, decimal Amount, string Currency, long[] LineIds, DateTime At);

public sealed record AdminOrderStep(string Step, string? Note, DateTime At);

/// <summary>Where a key came from and what it cost; the key itself stays sealed.</summary>
public sealed record AdminKeyProvenance(
    long KeyId, long LineId, string Source, string? Supplier, string? SupplierOrderId, decimal? UnitCost, string? CostCurrency,
    DateTime? BoughtAt, DateTime DeliveredAt, DateTime? RevealedAt, string Status);
