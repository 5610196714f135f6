namespace GamesDrop.Sandbox.Features.Faults;

/// <summary>
/// The purchase faults of <see cref="FaultSettings.PurchaseFault"/>: the partner fails before it records a sale, or records it
/// and the buyer never learns, the case that tempts a buyer into paying a second partner for the same thing.
/// </summary>
internal static class PurchaseFaults
{
    public const string ErrorBefore = "error-before";
    public const string ErrorAfter = "error-after";
    public const string HangAfter = "hang-after";
    public const string DropAfter = "drop-after";

    public static bool FailsBeforeSale(this FaultSettings faults) => faults.PurchaseFault == ErrorBefore;

    public static bool FailsAfterSale(this FaultSettings faults) => faults.PurchaseFault == ErrorAfter;

    /// <summary>Loses the reply to a sale just recorded: waits until the caller gives up, or drops the connection.</summary>
    /// <returns>Whether the reply is lost, so the handler must not answer.</returns>
    public static async Task<bool> LosesReplyAsync(this FaultSettings faults, HttpContext http)
    {
        switch (faults.PurchaseFault)
        {
            case DropAfter:
                http.Abort();
                return true;
            case HangAfter:
                try
                {
                    await Task.Delay(Timeout.Infinite, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The caller gave up, which is the point.
                }
                return true;
            default:
                return false;
        }
    }
}
