using GamesDrop.BuildingBlocks.Invocation;

namespace GamesDrop.Checkout.PayPal;

public static class PayPalExtensions
{
    /// <summary>
    /// <see cref="PayPalClient"/> over HTTPEndpoint <c>paypal-api</c> (Embedded: <c>HttpEndpoints:paypal-api:BaseUrl</c>),
    /// credentials from secrets <c>paypal-client-id</c> and <c>paypal-client-secret</c>.
    /// </summary>
    public static IServiceCollection AddPayPal(this IServiceCollection services)
    {
        services.AddSingleton<PayPalTokenCache>();
        services.AddHttpEndpointClient<PayPalClient>(PayPalClient.EndpointName);
        return services;
    }
}
