namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Body of <c>POST /v2/payments/captures/{id}/refund</c>; an empty body refunds what is left of the capture.</summary>
internal sealed record RefundBody(MoneyBody? Amount, string? InvoiceId, string? CustomId, string? NoteToPayer)
{
    public static readonly RefundBody Full = new(null, null, null, null);

    public static ValueTask<RefundBody?> BindAsync(HttpContext http) => PayPalJson.ReadBodyAsync(http, Full);

    public PayPalError? Validate() => Amount?.Validate("/amount");
}
