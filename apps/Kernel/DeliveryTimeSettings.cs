namespace GamesDrop.Kernel;

/// <summary>Recent deliveries a supplier's time to key is measured over; too few of them say nothing.</summary>
public sealed class DeliveryTimeSettings
{
    /// <summary>Deliveries of the last this many days count.</summary>
    public int Days { get; set; } = 30;

    /// <summary>At most this many of the newest deliveries count (per product, and per supplier).</summary>
    public int Lines { get; set; } = 50;

    /// <summary>
    /// A product with fewer deliveries from the supplier takes the supplier's time over all its products; with fewer
    /// than this of those, no time is shown.
    /// </summary>
    public int MinLines { get; set; } = 5;
}
