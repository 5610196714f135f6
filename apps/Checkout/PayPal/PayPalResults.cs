namespace GamesDrop.Checkout.PayPal;

/// <summary>A PayPal order waiting for the buyer at <paramref name="ApproveUrl"/>.</summary>
public sealed record PayPalCreatedOrder(string Id, string Status, string ApproveUrl);

public enum PayPalCaptureOutcome
{
    /// <summary>The money is taken (the capture may have been refunded since, see its status).</summary>
    Completed,

    /// <summary>Captured but not yet settled (e.g. an eCheck); a PAYMENT.CAPTURE.COMPLETED or DENIED webhook follows.</summary>
    Pending,

    /// <summary>The buyer's funding source refused; nothing was taken.</summary>
    Declined,
}

/// <param name="Capture">The capture, for Completed and Pending; null when declined before one was made.</param>
/// <param name="DeclineReason">PayPal's issue (INSTRUMENT_DECLINED) or the declined capture's status, when declined.</param>
public sealed record PayPalCaptureResult(PayPalCaptureOutcome Outcome, string PayPalOrderId, PayPalCapture? Capture, string? DeclineReason);
