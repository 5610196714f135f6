using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Account;
using GamesDrop.Bff.Features.Admin;
using GamesDrop.Bff.Features.Auth;
using GamesDrop.Bff.Features.Cart;
using GamesDrop.Bff.Features.Catalog;
using GamesDrop.Bff.Features.Checkout;
using GamesDrop.Bff.Features.Currencies;
using GamesDrop.Bff.Features.Funnel;
using GamesDrop.Bff.Features.Receipts;
using GamesDrop.Bff.Features.Webhooks;
using GamesDrop.Bff.Features.Wishlist;
using GamesDrop.Bff.Sessions;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;
using GamesDrop.ServiceDefaults.Settings;
using Microsoft.AspNetCore.RateLimiting;

namespace GamesDrop.Bff;

/// <summary>The public HTTP API the storefront calls: shaped for the UI, the only app browsers reach.</summary>
public static class BffApp
{
    public static WebApplicationBuilder AddBff(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Bff);
        builder.Services.AddValidation();
        builder.Services.AddServiceClient<KernelClient>(AppIds.Kernel, from: AppIds.Bff);
        // Starting a checkout waits for PayPal's approval link (the checkout app bounds that wait at 20 s).
        builder.Services.AddServiceClient<CheckoutClient>(AppIds.Checkout, from: AppIds.Bff).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(40));
        builder.Services.AddSecretStore(AppIds.Bff);
        builder.Services.AddStateStore(AppIds.Bff);
        builder.Services.AddSessionAuthentication();
        builder.Services.AddAdminArea();
        builder.Services.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        builder.Services.AddSingleton<AuthRateLimits>();
        builder.Services.AddOptions<RateLimiterOptions>().Configure<RateLimitOptions>(AuthRateLimits.AddPolicy);
        builder.Services.AddSettings<CatalogOptions>(CatalogOptions.Section);
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddSettings<CartOptions>(CartOptions.Section);
        builder.Services.AddActorHosting(AppIds.Bff, o => o.Actors.RegisterActor<CartActor>());
        builder.Services.AddSingleton<CartOwners>();
        builder.Services.AddOptions<RateLimiterOptions>().Configure<RateLimitOptions>(CartRateLimits.AddPolicy);
        builder.Services.AddServiceClient<SuppliersClient>(AppIds.Suppliers, from: AppIds.Bff);
        builder.Services.AddSingleton<OfferRefreshRequests>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OfferRefreshRequests>());
        builder.Services.AddServiceClient<NotifierClient>(AppIds.Notifier, from: AppIds.Bff);
        builder.Services.AddSettings<FunnelOptions>(FunnelOptions.Section);
        builder.Services.AddSingleton<FunnelCounter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FunnelCounter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapBff(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Bff)
            .MapGroup("/api")
            .MapCurrencies()
            .MapCatalog()
            .MapAuth()
            .MapCart()
            .MapAccount()
            .MapWishlist()
            .MapCheckout()
            .MapReceipts()
            .MapPayPalWebhook()
            .MapAdmin();
        // Domain events from pub/sub: internal, as daprd (or the Embedded delivery) presents the app token.
        routes.MapAppGroup(AppIds.Bff).MapGroup("/events").RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .MapOrderPaid();
        return routes;
    }
}
