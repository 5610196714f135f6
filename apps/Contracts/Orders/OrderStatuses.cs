namespace GamesDrop.Contracts.Orders;

/// <summary>
/// An order's statuses: pending → reserved → awaiting_payment → paid → fulfilling → a final one. An order the fraud check
/// holds goes awaiting_payment → held (authorised, not charged) → paid once approved, or cancelled.
/// </summary>
public static class OrderStatuses
{
    public const string Pending = "pending";
    public const string Reserved = "reserved";
    public const string AwaitingPayment = "awaiting_payment";
    public const string Held = "held";
    public const string Paid = "paid";
    public const string Fulfilling = "fulfilling";
    public const string Completed = "completed";
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    /// <summary>Before the payment is captured: the only statuses an order can be released from.</summary>
    public static readonly IReadOnlySet<string> BeforePayment = new HashSet<string> { Pending, Reserved, AwaitingPayment, Held };

    /// <summary>Nothing happens to an order after these.</summary>
    public static readonly IReadOnlySet<string> Final = new HashSet<string> { Completed, PartiallyRefunded, Refunded, Expired, Cancelled, Failed };
}
