namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>An order as the simulator keeps it; <see cref="PayPalViews"/> turns it into PayPal's JSON.</summary>
/// <param name="PayerActionStyle">Created through experience_context: PAYER_ACTION_REQUIRED and rel payer-action.</param>
internal sealed record PayPalOrder(
    string Id, string Status, bool PayerActionStyle, PayPalUnit[] Units, ExperienceBody? Experience, PayPalPayer? Payer,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Created = "CREATED";
    public const string PayerActionRequired = "PAYER_ACTION_REQUIRED";
    public const string Approved = "APPROVED";
    public const string Completed = "COMPLETED";
}

/// <param name="CaptureId">Set once the order is captured; one capture per purchase unit.</param>
internal sealed record PayPalUnit(string ReferenceId, Money Amount, string? Description, string? CustomId, string? InvoiceId, string? CaptureId = null);

internal sealed record PayPalCapture(
    string Id, string OrderId, string Status, Money Amount, string? CustomId, string? InvoiceId, decimal Refunded,
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
internal sealed record PayPalPayer(string PayerId, string Email, string GivenName, string Surname, string CountryCode);
