namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>An order as the simulator keeps it; <see cref="PayPalViews"/> turns it into PayPal's JSON.</summary>
/// <param name="PayerActionStyle">Created through experience_context: PAYER_ACTION_REQUIRED and rel payer-action.</param>
/// <param name="Intent">CAPTURE (the order's capture takes the money) or AUTHORIZE (the order's authorize holds it, each
/// authorization is then captured or voided).</param>
internal sealed record PayPalOrder(
    string Id, string Intent, string Status, bool PayerActionStyle, PayPalUnit[] Units, ExperienceBody? Experience, PayPalPayer? Payer,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Created = "CREATED";
    public const string PayerActionRequired = "PAYER_ACTION_REQUIRED";
    public const string Approved = "APPROVED";
    public const string Completed = "COMPLETED";
}

/// <param name="CaptureId">Set once the unit is captured; one capture per purchase unit.</param>
/// <param name="AuthorizationId">Set once an AUTHORIZE order is authorised; one authorization per purchase unit.</param>
internal sealed record PayPalUnit(
    string ReferenceId, Money Amount, string? Description, string? CustomId, string? InvoiceId, string? CaptureId = null, string? AuthorizationId = null);

/// <summary>Money held on the buyer's account: honoured 3 days, valid 29, then captured once or voided.</summary>
internal sealed record PayPalAuthorization(
    string Id, string OrderId, string Status, Money Amount, string? CustomId, string? InvoiceId, DateTimeOffset ExpirationTime,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Created = "CREATED";
    public const string Captured = "CAPTURED";
    public const string Voided = "VOIDED";

    /// <summary>How long PayPal keeps an authorization valid.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(29);
}

/// <param name="AuthorizationId">The authorization it captured, for an AUTHORIZE order.</param>
internal sealed record PayPalCapture(
    string Id, string OrderId, string? AuthorizationId, string Status, Money Amount, string? CustomId, string? InvoiceId, decimal Refunded,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Completed = "COMPLETED";
    public const string PartiallyRefunded = "PARTIALLY_REFUNDED";
    public const string FullyRefunded = "REFUNDED";

    public decimal Refundable => Amount.Amount - Refunded;
}

internal sealed record PayPalRefund(
    string Id, string CaptureId, string Status, Money Amount, string? CustomId, string? InvoiceId, string? NoteToPayer, DateTimeOffset CreateTime);

/// <summary>The buyer who approved an order, known from then on (the store checks the country before capturing).</summary>
internal sealed record PayPalPayer(string PayerId, string Email, string GivenName, string Surname, string? CountryCode);
