using System.Net;
using System.Text.RegularExpressions;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Keys;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>
/// Checks what checkout sends before anything is written. The wire contracts carry no attributes (the callers share
/// them), and missing fields arrive as nulls, so every field is checked here. Keys are named by camelCase JSON field;
/// a key's value never appears in an error.
/// </summary>
internal static partial class OrderValidation
{
    public const int MaxLines = 20;
    public const int MaxQuantity = 10;
    public const decimal MaxAmount = 1_000_000m;

    [GeneratedRegex("^[a-z]+/[a-z0-9.+-]+$")]
    private static partial Regex ContentTypePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex DeviceIdPattern();

    public static Dictionary<string, string[]> Validate(CreateOrder order)
    {
        var errors = new Dictionary<string, string[]>();
        var email = order.Email?.Trim();
        if (email is null || email.Length is 0 or > 254 || !email.Contains('@'))
        {
            errors["email"] = ["An email address."];
        }
        if (order.CartId is { Length: > 200 })
        {
            errors["cartId"] = ["At most 200 characters."];
        }
        if (order.ClientIp is not null && !IPAddress.TryParse(order.ClientIp, out _))
        {
            errors["clientIp"] = ["An IPv4 or IPv6 address."];
        }
        if (order.DeviceId is not null && !DeviceIdPattern().IsMatch(order.DeviceId))
        {
            errors["deviceId"] = ["1 to 64 letters, digits, '-' or '_'."];
        }
        if (order.Lines is null || order.Lines.Count is 0 or > MaxLines)
        {
            errors["lines"] = [$"Between 1 and {MaxLines} lines."];
        }
        else if (order.Lines.Any(l => l is null || string.IsNullOrWhiteSpace(l.Slug) || l.Quantity is < 1 or > MaxQuantity))
        {
            errors["lines"] = [$"Each line names a product by slug, with a quantity from 1 to {MaxQuantity}."];
        }
        else if (order.Lines.Select(l => l.Slug).Distinct(StringComparer.Ordinal).Count() != order.Lines.Count)
        {
            errors["lines"] = ["Each product once; set its quantity instead."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ReleaseOrder release)
    {
        var errors = new Dictionary<string, string[]>();
        if (release.Status is not (OrderStatuses.Expired or OrderStatuses.Cancelled or OrderStatuses.Failed))
        {
            errors["status"] = ["expired, cancelled or failed."];
        }
        Text(errors, "reason", release.Reason, 500);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordPayment payment)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "providerOrderId", payment.ProviderOrderId, 200);
        if (!Uri.TryCreate(payment.ApproveUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors["approveUrl"] = ["An absolute http(s) URL."];
        }
        Money(errors, payment.Amount, payment.Currency);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordCapture capture)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "providerOrderId", capture.ProviderOrderId, 200);
        Text(errors, "captureId", capture.CaptureId, 200);
        Money(errors, capture.Amount, capture.Currency);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordAuthorization authorization)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "providerOrderId", authorization.ProviderOrderId, 200);
        Text(errors, "authorizationId", authorization.AuthorizationId, 200);
        if (authorization.ReviewBy == default)
        {
            errors["reviewBy"] = ["When the review window ends."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordReview review)
    {
        var errors = new Dictionary<string, string[]>();
        if (review.Outcome is not (ReviewOutcomes.Approved or ReviewOutcomes.Denied or ReviewOutcomes.Expired))
        {
            errors["outcome"] = ["approved, denied or expired."];
        }
        Text(errors, "decidedBy", review.DecidedBy, 200);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RecordRefund refund)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "refundId", refund.RefundId, 200);
        Money(errors, refund.Amount, refund.Currency);
        if (refund.LineIds is null || refund.LineIds.Count > MaxLines)
        {
            errors["lineIds"] = [$"A list of at most {MaxLines} line ids, empty for money only."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(DeliverKeys delivery, int quantity)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "supplier", delivery.Supplier, 32);
        Text(errors, "supplierOrderId", delivery.SupplierOrderId, 200);
        if (delivery.UnitCost is null)
        {
            if (delivery.Currency is not null)
            {
                errors["currency"] = ["Only with a unit cost."];
            }
        }
        else
        {
            if (delivery.UnitCost is < 0 or > MaxAmount)
            {
                errors["unitCost"] = [$"From 0 to {MaxAmount}."];
            }
            Currency(errors, delivery.Currency);
        }
        if (delivery.BoughtAt == default)
        {
            errors["boughtAt"] = ["When the supplier sold the keys."];
        }
        if (delivery.Keys is null || delivery.Keys.Count < 1 || delivery.Keys.Count > quantity)
        {
            errors["keys"] = [$"Between 1 and {quantity} keys, the line's quantity."];
        }
        else if (delivery.Keys.Select((k, i) => (k, i))
                     .Where(x => x.k is null || string.IsNullOrWhiteSpace(x.k.Value) || x.k.Value.Length > KeyVault.MaxKeyLength
                                 || x.k.ContentType is null || !ContentTypePattern().IsMatch(x.k.ContentType))
                     .Select(x => x.i).ToList() is { Count: > 0 } bad)
        {
            errors["keys"] = [$"Keys at positions {string.Join(", ", bad)} need a value of at most {KeyVault.MaxKeyLength} characters and a content type."];
        }
        return errors;
    }

    public static Dictionary<string, string[]> Validate(FailLine failure)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "reason", failure.Reason, 500);
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            errors[field] = [$"Between 1 and {maxLength} characters."];
        }
    }

    private static void Money(Dictionary<string, string[]> errors, decimal amount, string? currency)
    {
        if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            errors["amount"] = [$"Above 0 and at most {MaxAmount}, in cents."];
        }
        Currency(errors, currency);
    }

    private static void Currency(Dictionary<string, string[]> errors, string? currency)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            errors["currency"] = ["An ISO 4217 code."];
        }
    }
}
