using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

namespace GamesDrop.Checkout;

/// <summary>The checkout workflow and its activities, PayPal payments and fraud checks.</summary>
public static class CheckoutApp
{
    public static WebApplicationBuilder AddCheckout(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Checkout);
        builder.Services.AddValidation();
        builder.Services.AddPayPal();
        return builder;
    }

    public static IEndpointRouteBuilder MapCheckout(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Checkout).RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy);
        return routes;
    }
}
