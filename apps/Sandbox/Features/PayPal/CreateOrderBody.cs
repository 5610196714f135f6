namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Body of <c>POST /v2/checkout/orders</c>, as far as the simulator reads it.</summary>
internal sealed record CreateOrderBody(string? Intent, UnitBody[]? PurchaseUnits, PaymentSourceBody? PaymentSource, ExperienceBody? ApplicationContext)
{
    public const string Capture = "CAPTURE";
    public const string Authorize = "AUTHORIZE";
    public const int MaxUnits = 10;
    public const int MaxIdLength = 127;

    public static ValueTask<CreateOrderBody?> BindAsync(HttpContext http) => PayPalJson.ReadBodyAsync<CreateOrderBody>(http);

    /// <summary>The redirect URLs: <c>payment_source.paypal.experience_context</c> wins over the deprecated <c>application_context</c>.</summary>
    public ExperienceBody? Experience => PaymentSource?.Paypal?.ExperienceContext ?? ApplicationContext;

    /// <summary>Orders set up through experience_context wait for the payer (PAYER_ACTION_REQUIRED, rel payer-action).</summary>
    public bool PayerActionStyle => PaymentSource?.Paypal?.ExperienceContext is not null;

    /// <summary>The schema checks PayPal answers with 400, before anything is created.</summary>
    public PayPalError? Validate()
    {
        if (string.IsNullOrEmpty(Intent))
        {
            return PayPalError.Missing("/intent");
        }
        if (Intent is not (Capture or Authorize))
        {
            return PayPalError.Invalid("INVALID_PARAMETER_VALUE", "The value of a field does not conform to the expected format.", "/intent");
        }
        if (PurchaseUnits is not { Length: > 0 })
        {
            return PayPalError.Missing("/purchase_units");
        }
        if (PurchaseUnits.Length > MaxUnits)
        {
            return PayPalError.Invalid("INVALID_ARRAY_MAX_ITEMS", $"The number of items in an array parameter is too large (max {MaxUnits}).", "/purchase_units");
        }
        if (PurchaseUnits.Length > 1 && PurchaseUnits.Select(u => u.ReferenceId ?? "").Distinct().Count() < PurchaseUnits.Length)
        {
            return PayPalError.Refused("DUPLICATE_REFERENCE_ID", "`reference_id` must be unique if multiple `purchase_unit` are provided.");
        }
        for (var i = 0; i < PurchaseUnits.Length; i++)
        {
            if (PurchaseUnits[i].Validate($"/purchase_units/{i}") is { } invalid)
            {
                return invalid;
            }
        }
        return null;
    }
}

internal sealed record UnitBody(string? ReferenceId, MoneyBody? Amount, string? Description, string? CustomId, string? InvoiceId)
{
    public PayPalError? Validate(string at) =>
        Amount is null ? PayPalError.Missing($"{at}/amount")
        : Amount.Validate($"{at}/amount") is { } invalid ? invalid
        : CustomId?.Length > CreateOrderBody.MaxIdLength ? TooLong($"{at}/custom_id")
        : InvoiceId?.Length > CreateOrderBody.MaxIdLength ? TooLong($"{at}/invoice_id")
        : ReferenceId?.Length > 256 ? TooLong($"{at}/reference_id")
        : null;

    private static PayPalError TooLong(string field) =>
        PayPalError.Invalid("INVALID_STRING_MAX_LENGTH", "The value of a field is too long.", field);
}

internal sealed record PaymentSourceBody(PayPalSourceBody? Paypal);

internal sealed record PayPalSourceBody(ExperienceBody? ExperienceContext);

/// <summary><c>experience_context</c> or <c>application_context</c>: the same fields either way.</summary>
internal sealed record ExperienceBody(string? ReturnUrl, string? CancelUrl, string? BrandName, string? ShippingPreference, string? UserAction);
