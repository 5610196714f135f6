using GamesDrop.Bff.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Webhooks;

/// <summary>
/// PayPal's webhook address on the public API. The body and PayPal's signature headers go to the checkout app unchanged,
/// which verifies them with PayPal; nothing is trusted here.
/// </summary>
public static class PayPalWebhookForwarding
{
    private const int MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapPayPalWebhook(this RouteGroupBuilder routes)
    {
        routes.MapPost("/webhooks/paypal", ForwardAsync).WithTags("Webhooks").AllowAnonymous();
        return routes;
    }

    private static async Task<Results<StatusCodeHttpResult, BadRequest>> ForwardAsync(HttpRequest request, CheckoutClient checkout, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return TypedResults.BadRequest();
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        var headers = request.Headers.Where(h => h.Key.StartsWith("PAYPAL-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key.ToUpperInvariant(), h => h.Value.ToString());
        return TypedResults.StatusCode(await checkout.ForwardWebhookAsync(body, headers, ct));
    }
}
