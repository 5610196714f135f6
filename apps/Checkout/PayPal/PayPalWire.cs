using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GamesDrop.Checkout.PayPal;

/// <summary>PayPal's JSON: snake_case names, absent fields left out.</summary>
internal static class PayPalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>An amount as PayPal writes it: the value a string with the currency's decimals (none for JPY, HUF, TWD).</summary>
public sealed record PayPalMoney(string CurrencyCode, string Value)
{
    [JsonIgnore]
    public decimal Amount => decimal.Parse(Value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static PayPalMoney Of(decimal amount, string currency)
    {
        var code = currency.ToUpperInvariant();
        var decimals = code is "JPY" or "HUF" or "TWD" ? 0 : 2;
        return new(code, Math.Round(amount, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "0" : "0.00", CultureInfo.InvariantCulture));
    }
}

/// <summary>An order as <c>GET /v2/checkout/orders/{id}</c> and capture return it, as far as the store reads it.</summary>
public sealed record PayPalOrder(
    string Id, string Status, IReadOnlyList<PayPalPurchaseUnit>? PurchaseUnits, PayPalPayer? Payer, PayPalPaymentSource? PaymentSource,
    IReadOnlyList<PayPalLink>? Links)
{
    /// <summary>Where the buyer approves: rel <c>payer-action</c> (experience_context) or <c>approve</c> (application_context).</summary>
    [JsonIgnore]
    public string? ApproveUrl => Links?.FirstOrDefault(l => l.Rel is "payer-action" or "approve")?.Href;

    /// <summary>Known once the buyer approved, before capture, so a region check can still refuse without charging.</summary>
    [JsonIgnore]
    public string? PayerCountry => Payer?.Address?.CountryCode ?? PaymentSource?.Paypal?.Address?.CountryCode;

    [JsonIgnore]
    public IEnumerable<PayPalCapture> Captures => PurchaseUnits?.SelectMany(u => u.Payments?.Captures ?? []) ?? [];

    [JsonIgnore]
    public IEnumerable<PayPalAuthorization> Authorizations => PurchaseUnits?.SelectMany(u => u.Payments?.Authorizations ?? []) ?? [];

    /// <summary>The PayPal account that approved, once it did.</summary>
    [JsonIgnore]
    public string? PayerId => Payer?.PayerId ?? PaymentSource?.Paypal?.AccountId;
}

public sealed record PayPalPurchaseUnit(string? ReferenceId, PayPalMoney? Amount, string? CustomId, string? InvoiceId, PayPalPayments? Payments);

public sealed record PayPalPayments(IReadOnlyList<PayPalCapture>? Captures, IReadOnlyList<PayPalAuthorization>? Authorizations);

/// <param name="Status">CREATED, CAPTURED, DENIED, PARTIALLY_CAPTURED, VOIDED or PENDING.</param>
public sealed record PayPalAuthorization(string Id, string Status, PayPalMoney? Amount, DateTimeOffset? ExpirationTime);

/// <param name="Status">COMPLETED, PENDING, DECLINED, FAILED, REFUNDED or PARTIALLY_REFUNDED.</param>
public sealed record PayPalCapture(string Id, string Status, PayPalMoney? Amount, string? CustomId, string? InvoiceId, PayPalStatusDetails? StatusDetails);

public sealed record PayPalStatusDetails(string? Reason);

public sealed record PayPalPayer(string? PayerId, string? EmailAddress, PayPalAddress? Address);

public sealed record PayPalPaymentSource(PayPalWallet? Paypal);

public sealed record PayPalWallet(string? AccountId, PayPalAddress? Address);

public sealed record PayPalAddress(string? CountryCode);

public sealed record PayPalLink(string Href, string Rel, string? Method);

/// <param name="Status">COMPLETED, PENDING, FAILED or CANCELLED.</param>
public sealed record PayPalRefund(string Id, string Status, PayPalMoney? Amount);

internal sealed record CreateOrderRequest(string Intent, IReadOnlyList<PurchaseUnitRequest> PurchaseUnits, PaymentSourceRequest PaymentSource);

internal sealed record PurchaseUnitRequest(string ReferenceId, PayPalMoney Amount, string Description, string CustomId, string InvoiceId);

internal sealed record PaymentSourceRequest(WalletRequest Paypal);

internal sealed record WalletRequest(ExperienceContext ExperienceContext);

internal sealed record ExperienceContext(string ReturnUrl, string CancelUrl, string BrandName, string ShippingPreference, string UserAction);

internal sealed record RefundRequest(PayPalMoney Amount, string? CustomId = null);

internal sealed record TokenReply(string AccessToken, string TokenType, int ExpiresIn);

internal sealed record VerifyReply(string VerificationStatus);

/// <summary>PayPal's error body, or the OAuth one the token endpoint answers with (<c>error</c>, <c>error_description</c>).</summary>
internal sealed record ErrorReply(string? Name, string? Message, string? DebugId, IReadOnlyList<ErrorDetail>? Details, string? Error, string? ErrorDescription);

internal sealed record ErrorDetail(string? Issue, string? Description);
