namespace GamesDrop.Checkout.Clients;

public sealed record CheckoutOrder(Guid OrderId, string Number, Guid? UserId, string Email, string? CartId, string Status, string Currency,
    decimal Total, IReadOnlyList<CheckoutOrderLine> Lines, CheckoutPayment? Payment, DateTimeOffset UpdatedAt);

public sealed record CheckoutOrderLine(long LineId, long ProductId, string Slug, string Title, int Quantity, decimal UnitPrice, string Status, int ReservedStock);

public sealed record CheckoutPayment(string ProviderOrderId, string? ApproveUrl, string Status, string? CaptureId, decimal Amount, decimal RefundedAmount);

public sealed record ReserveResult(bool Reserved, string? Reason);

public sealed record StockFulfilment(bool Fulfilled);

public sealed record PurchaseCandidate(string Supplier, string Sku, decimal MaxUnitPrice, string Currency);

public sealed record DeliveredKeys(string Supplier, string SupplierOrderId, decimal UnitCost, string Currency, DateTimeOffset BoughtAt, IReadOnlyList<DeliveredKey> Keys);

public sealed record DeliveredKey(string Value, string ContentType);

public sealed record StuckOrder(Guid OrderId, string Number, string Status, DateTimeOffset UpdatedAt);
