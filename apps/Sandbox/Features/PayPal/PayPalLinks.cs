namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>Absolute URLs on this sandbox as the caller reached it, for HATEOAS links, the approval page and the cert URL.</summary>
internal sealed record PayPalLinks(string Base)
{
    public static PayPalLinks From(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}{PayPalApi.Prefix}");

    public string Order(string id) => $"{Base}/v2/checkout/orders/{id}";

    public string Approve(string id) => $"{Base}/checkoutnow?token={Uri.EscapeDataString(id)}";

    public string Capture(string id) => $"{Base}/v2/payments/captures/{id}";

    public string Authorization(string id) => $"{Base}/v2/payments/authorizations/{id}";

    public string Refund(string id) => $"{Base}/v2/payments/refunds/{id}";

    public string Certificate => $"{Base}/v1/notifications/certs/{PayPalSigner.CertificateName}";
}
