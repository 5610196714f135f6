namespace GamesDrop.Suppliers.Features.Purchases;

/// <summary>
/// Section <c>Suppliers:Purchases</c>: when a purchase's outcome counts as unknown, and how the supplier is then asked for it.
/// Worst case per candidate: the attempt, then every check with its pause.
/// </summary>
public sealed class PurchaseOptions
{
    /// <summary>A purchase call still unanswered after this (the supplier pipeline's own retries included) may have sold.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How many times the supplier is asked for a purchase whose outcome is unknown.</summary>
    public int Checks { get; set; } = 3;

    /// <summary>Pause before the first check, doubled before each next one, so an order still in flight lands first.</summary>
    public TimeSpan CheckBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
