namespace GamesDrop.Checkout.PayPal;

/// <summary>The issues the store acts on.</summary>
public static class PayPalIssues
{
    public const string OrderNotApproved = "ORDER_NOT_APPROVED";
    public const string OrderAlreadyCaptured = "ORDER_ALREADY_CAPTURED";
    public const string InstrumentDeclined = "INSTRUMENT_DECLINED";
    public const string DuplicateInvoiceId = "DUPLICATE_INVOICE_ID";
    public const string CaptureFullyRefunded = "CAPTURE_FULLY_REFUNDED";
    public const string OrderAlreadyAuthorized = "ORDER_ALREADY_AUTHORIZED";
    public const string AuthorizationAlreadyCaptured = "AUTHORIZATION_ALREADY_CAPTURED";
    public const string AuthorizationVoided = "AUTHORIZATION_VOIDED";
    public const string AuthorizationExpired = "AUTHORIZATION_EXPIRED";
}
