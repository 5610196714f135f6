using System.Globalization;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Orders, authorizations, captures and refunds as PayPal writes them (snake_case through <see cref="PayPalJson"/>).</summary>
internal static class PayPalViews
{
    /// <summary>PayPal's timestamps: UTC, whole seconds, a Z.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static OrderView Order(PayPalOrder order, Func<string, PayPalCapture> captures, Func<string, PayPalAuthorization> authorizations, PayPalLinks links)
    {
        var payer = order.Payer;
        var name = payer is null ? null : new NameView(payer.GivenName, payer.Surname);
        var address = payer?.CountryCode is { } country ? new AddressView(country) : null;
        return new OrderView(
            order.Id, order.Intent, order.Status,
            payer is null ? null : new PaymentSourceView(new WalletView(payer.Email, payer.PayerId, "VERIFIED", name!, address)),
            [.. order.Units.Select(u => new UnitView(u.ReferenceId, u.Amount, u.Description, u.CustomId, u.InvoiceId,
                u.CaptureId is null && u.AuthorizationId is null ? null : new PaymentsView(
                    u.CaptureId is null ? null : [Capture(captures(u.CaptureId), links, related: false)],
                    u.AuthorizationId is null ? null : [Authorization(authorizations(u.AuthorizationId), links, related: false)])))],
            payer is null ? null : new PayerView(name!, payer.Email, payer.PayerId, address),
            Time(order.CreateTime), Time(order.UpdateTime), OrderLinks(order, links));
    }

    /// <summary><c>Prefer: return=minimal</c>, PayPal's default: id, status and links only.</summary>
    public static OrderView Minimal(OrderView order) =>
        new(order.Id, null, order.Status, null, null, null, null, null, order.Links);

    /// <param name="related">Webhook resources name their order in supplementary_data; captures inside an order need not.</param>
    public static CaptureView Capture(PayPalCapture capture, PayPalLinks links, bool related) => new(
        capture.Id, capture.Status, capture.Amount, FinalCapture: true, capture.CustomId, capture.InvoiceId,
        Receivable(capture.Amount),
        related ? new SupplementaryData(new RelatedIds(capture.OrderId, capture.AuthorizationId)) : null,
        Time(capture.CreateTime), Time(capture.UpdateTime),
        [
            new LinkView(links.Capture(capture.Id), "self", "GET"),
            new LinkView(links.Capture(capture.Id) + "/refund", "refund", "POST"),
            new LinkView(links.Order(capture.OrderId), "up", "GET"),
        ]);

    /// <param name="related">As for captures: webhook resources and the authorization's own GET name its order.</param>
    public static AuthorizationView Authorization(PayPalAuthorization authorization, PayPalLinks links, bool related) => new(
        authorization.Id, authorization.Status, authorization.Amount, authorization.CustomId, authorization.InvoiceId,
        Time(authorization.ExpirationTime),
        related ? new SupplementaryData(new RelatedIds(authorization.OrderId, null)) : null,
        Time(authorization.CreateTime), Time(authorization.UpdateTime),
        [
            new LinkView(links.Authorization(authorization.Id), "self", "GET"),
            new LinkView(links.Authorization(authorization.Id) + "/capture", "capture", "POST"),
            new LinkView(links.Authorization(authorization.Id) + "/void", "void", "POST"),
            new LinkView(links.Authorization(authorization.Id) + "/reauthorize", "reauthorize", "POST"),
            new LinkView(links.Order(authorization.OrderId), "up", "GET"),
        ]);

    public static RefundView Refund(PayPalRefund refund, PayPalCapture capture, PayPalLinks links) => new(
        refund.Id, refund.Status, refund.Amount, refund.CustomId, refund.InvoiceId, refund.NoteToPayer,
        new RefundBreakdown(refund.Amount, refund.Amount, Money.Of(capture.Amount.CurrencyCode, capture.Refunded)),
        Time(refund.CreateTime), Time(refund.CreateTime),
        [new LinkView(links.Refund(refund.Id), "self", "GET"), new LinkView(links.Capture(refund.CaptureId), "up", "GET")]);

    private static LinkView[] OrderLinks(PayPalOrder order, PayPalLinks links)
    {
        var self = new LinkView(links.Order(order.Id), "self", "GET");
        return order.Status switch
        {
            PayPalOrder.Created or PayPalOrder.PayerActionRequired =>
            [
                self,
                new LinkView(links.Approve(order.Id), order.PayerActionStyle ? "payer-action" : "approve", "GET"),
                new LinkView(links.Order(order.Id), "update", "PATCH"),
                new LinkView(links.Order(order.Id) + "/capture", "capture", "POST"),
            ],
            PayPalOrder.Approved when order.Intent == CreateOrderBody.Authorize =>
                [self, new LinkView(links.Order(order.Id), "update", "PATCH"), new LinkView(links.Order(order.Id) + "/authorize", "authorize", "POST")],
            PayPalOrder.Approved => [self, new LinkView(links.Order(order.Id), "update", "PATCH"), new LinkView(links.Order(order.Id) + "/capture", "capture", "POST")],
            _ => [self],
        };
    }

    /// <summary>What the merchant keeps: PayPal's standard 3.49 % + 0.49 fee, in the capture's currency.</summary>
    private static ReceivableBreakdown Receivable(Money gross)
    {
        var fee = Math.Round(gross.Amount * 0.0349m + 0.49m, Money.Decimals(gross.CurrencyCode), MidpointRounding.AwayFromZero);
        return new ReceivableBreakdown(gross, Money.Of(gross.CurrencyCode, fee), Money.Of(gross.CurrencyCode, gross.Amount - fee));
    }
}

internal sealed record OrderView(
    string Id, string? Intent, string Status, PaymentSourceView? PaymentSource, UnitView[]? PurchaseUnits, PayerView? Payer,
    string? CreateTime, string? UpdateTime, LinkView[] Links);

internal sealed record UnitView(string ReferenceId, Money Amount, string? Description, string? CustomId, string? InvoiceId, PaymentsView? Payments);

internal sealed record PaymentsView(CaptureView[]? Captures, AuthorizationView[]? Authorizations);

internal sealed record AuthorizationView(
    string Id, string Status, Money Amount, string? CustomId, string? InvoiceId, string ExpirationTime, SupplementaryData? SupplementaryData,
    string CreateTime, string UpdateTime, LinkView[] Links);

internal sealed record CaptureView(
    string Id, string Status, Money Amount, bool FinalCapture, string? CustomId, string? InvoiceId,
    ReceivableBreakdown SellerReceivableBreakdown, SupplementaryData? SupplementaryData, string CreateTime, string UpdateTime, LinkView[] Links);

internal sealed record ReceivableBreakdown(Money GrossAmount, Money PaypalFee, Money NetAmount);

internal sealed record SupplementaryData(RelatedIds RelatedIds);

internal sealed record RelatedIds(string OrderId, string? AuthorizationId);

internal sealed record RefundView(
    string Id, string Status, Money Amount, string? CustomId, string? InvoiceId, string? NoteToPayer,
    RefundBreakdown SellerPayableBreakdown, string CreateTime, string UpdateTime, LinkView[] Links);

internal sealed record RefundBreakdown(Money GrossAmount, Money NetAmount, Money TotalRefundedAmount);

internal sealed record PayerView(NameView Name, string EmailAddress, string PayerId, AddressView? Address);

internal sealed record PaymentSourceView(WalletView Paypal);

internal sealed record WalletView(string EmailAddress, string AccountId, string AccountStatus, NameView Name, AddressView? Address);

internal sealed record NameView(string GivenName, string Surname);

internal sealed record AddressView(string CountryCode);

internal sealed record LinkView(string Href, string Rel, string Method);
