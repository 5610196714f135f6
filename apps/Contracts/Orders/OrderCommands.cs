namespace GamesDrop.Contracts.Orders;

/// <summary>Whether own stock, or an affordable in-stock supplier offer, covers every line; why not when not.</summary>
public sealed record ReserveResult(bool Reserved, string? Reason = null);

/// <summary>Ends an order before payment: <paramref name="Status"/> is expired, cancelled or failed.</summary>
public sealed record ReleaseOrder(string Status, string Reason);

/// <summary>The provider's order was created; the buyer approves it at <paramref name="ApproveUrl"/>.</summary>
public sealed record RecordPayment(string ProviderOrderId, string ApproveUrl, decimal Amount, string Currency);

/// <summary>The provider captured the payment; one capture per order.</summary>
public sealed record RecordCapture(string ProviderOrderId, string CaptureId, decimal Amount, string Currency);

/// <summary>The provider authorised the payment of a held order: it waits for review until <paramref name="ReviewBy"/>.</summary>
public sealed record RecordAuthorization(string ProviderOrderId, string AuthorizationId, DateTimeOffset ReviewBy);

/// <summary>How a held order's review ended (<see cref="ReviewOutcomes"/>), and who decided (staff, or the review window).</summary>
public sealed record RecordReview(string Outcome, string DecidedBy);

public static class ReviewOutcomes
{
    public const string Approved = "approved";
    public const string Denied = "denied";
    public const string Expired = "expired";

    /// <summary>Who "decides" when nobody did in time.</summary>
    public const string ReviewWindow = "review window";
}

/// <summary>A refund the provider made, for <paramref name="LineIds"/> (none: money only).</summary>
public sealed record RecordRefund(string RefundId, decimal Amount, string Currency, IReadOnlyList<long> LineIds);

/// <summary>A non-final order not updated for a while, for the reconciler.</summary>
public sealed record StuckOrder(Guid OrderId, string Number, string Status, DateTimeOffset UpdatedAt);
