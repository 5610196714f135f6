using GamesDrop.Checkout.Workflows;

namespace GamesDrop.Checkout;

/// <summary>The checkout app's settings (section <c>Checkout</c>), validated at start-up.</summary>
public sealed class CheckoutSettings
{
    /// <summary>How long a reservation waits for the buyer to approve on PayPal before it is released.</summary>
    public TimeSpan ApprovalTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a held order's authorised payment waits for staff review before it is voided and the order cancelled.</summary>
    public TimeSpan ReviewWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first wait before a pending supplier purchase is asked about again; each next wait doubles.</summary>
    public TimeSpan FirstPurchasePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two asks about a pending supplier purchase.</summary>
    public TimeSpan PurchasePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a pending supplier purchase is asked about before the line is refunded (default: about an hour).</summary>
    public int MaxPurchasePolls { get; set; } = 120;

    /// <summary>An order that has not moved for this long (beyond its approval window) is looked at by the reconciler.</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The workflow's input for an order: these timings as they are now.</summary>
    public CheckoutInput Input(Guid orderId) =>
        new(orderId, ApprovalTimeout, FirstPurchasePoll, PurchasePollInterval, MaxPurchasePolls, ReviewWindow);
}
