namespace GamesDrop.Contracts.Orders;

/// <summary>An order line's statuses: pending until its keys are all there (fulfilled), or it failed, or was refunded.</summary>
public static class LineStatuses
{
    public const string Pending = "pending";
    public const string Fulfilled = "fulfilled";
    public const string Refunded = "refunded";
    public const string Failed = "failed";
}
