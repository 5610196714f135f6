namespace GamesDrop.Checkout.Activities;

/// <summary>The kernel's order statuses that steer the workflow.</summary>
public static class OrderStatuses
{
    public const string Reserved = "reserved";
    public const string AwaitingPayment = "awaiting_payment";
    public const string Paid = "paid";
    public const string Fulfilling = "fulfilling";

    public static readonly IReadOnlySet<string> Final = new HashSet<string>(
        ["completed", "partially_refunded", "refunded", "expired", "cancelled", "failed"], StringComparer.Ordinal);
}
