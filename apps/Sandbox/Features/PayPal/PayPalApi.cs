using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Sandbox.Features.PayPal;

/// <summary>
/// PayPal's REST API under <c>/paypal</c> (for <c>https://api-m.paypal.com</c>): OAuth2 client credentials, Orders v2,
/// Payments v2 refunds, webhook verification; plus the buyer's approval page, which PayPal serves on www.paypal.com.
/// </summary>
internal static class PayPalApi
{
    public const string Prefix = "/paypal";

    public static IServiceCollection AddPayPal(this IServiceCollection services)
    {
        services.AddSettings<PayPalOptions>(PayPalOptions.Section);
        services.AddSingleton<PayPalTokens>();
        services.AddSingleton<PayPalSigner>();
        services.AddSingleton<PayPalWebhooks>();
        services.AddSingleton<PayPalOrderBook>();
        return services;
    }

    public static RouteGroupBuilder MapPayPal(this RouteGroupBuilder sandbox)
    {
        var paypal = sandbox.MapGroup(Prefix).WithTags("PayPal");
        paypal.MapApprovalPage();
        paypal.MapGet("/v1/notifications/certs/{name}", (string name, PayPalSigner signer) => name == PayPalSigner.CertificateName
            ? Results.Text(signer.CertificatePem, "application/x-pem-file")
            : PayPalError.NotFound(name).ToResult());

        var api = paypal.MapGroup("").WithFaults(Partners.PayPal, status => PayPalError.Failure(status).ToResult(), applyAfterHang: true);
        api.MapPost("/v1/oauth2/token", PayPalTokens.IssueAsync).DisableAntiforgery();

        var bearer = api.MapGroup("").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<PayPalTokens>().IsValid(context.HttpContext.Request.Headers.Authorization)
                ? await next(context)
                : PayPalError.Unauthenticated().ToResult());
        bearer.MapPayPalOrders();
        bearer.MapPayPalPayments();
        bearer.MapPost("/v1/notifications/verify-webhook-signature", WebhookVerification.Verify);
        return sandbox;
    }
}
