using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;
using GamesDrop.ServiceDefaults.Settings;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Adapters.Digiflazz;
using GamesDrop.Suppliers.Adapters.Kinguin;
using GamesDrop.Suppliers.Clients;
using GamesDrop.Suppliers.Features.Health;
using GamesDrop.Suppliers.Features.Purchases;
using GamesDrop.Suppliers.Features.Push;
using GamesDrop.Suppliers.Features.Refresh;
using GamesDrop.Suppliers.Features.Sync;

namespace GamesDrop.Suppliers;

/// <summary>Supplier adapters (Kinguin, Digiflazz), catalog sync, push feeds and key purchase.</summary>
public static class SuppliersApp
{
    public static WebApplicationBuilder AddSuppliers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAppOpenApi(AppIds.Suppliers);
        services.AddValidation();
        // Configuration is read through options classes, bound and checked when the app starts rather than at first use.
        services.AddOptions<KinguinOptions>().BindConfiguration("Suppliers:Kinguin").ValidateOnStart();
        services.AddOptions<DigiflazzOptions>().BindConfiguration("Suppliers:Digiflazz").ValidateOnStart();
        services.AddSecretStore(AppIds.Suppliers);
        services.AddSingleton<SupplierSecrets>();
        services.AddSingleton<SupplierCallMetrics>();
        services.AddHttpEndpointClient<KinguinSupplier>(KinguinSupplier.EndpointName).AddCallMetrics(KinguinSupplier.SupplierCode);
        services.AddTransient<ISupplier>(sp => sp.GetRequiredService<KinguinSupplier>());
        services.AddHttpEndpointClient(KinguinSupplier.RefreshEndpointName).AddCallMetrics(KinguinSupplier.RefreshEndpointName);
        services.AddRefreshAdapter<KinguinSupplier>(KinguinSupplier.RefreshEndpointName);
        services.AddHttpEndpointClient<DigiflazzSupplier>(DigiflazzSupplier.EndpointName).AddCallMetrics(DigiflazzSupplier.SupplierCode);
        services.AddTransient<ISupplier>(sp => sp.GetRequiredService<DigiflazzSupplier>());
        services.AddHttpEndpointClient(DigiflazzSupplier.RefreshEndpointName).AddCallMetrics(DigiflazzSupplier.RefreshEndpointName);
        services.AddRefreshAdapter<DigiflazzSupplier>(DigiflazzSupplier.RefreshEndpointName);
        services.AddTransient<SupplierRegistry>();
        services.AddHostedService<WebhookSecretsCheck>();
        services.AddKeyedTransient(OfferRefresher.Key, (sp, key) =>
            new SupplierRegistry(sp.GetKeyedServices<ISupplier>(key), sp.GetRequiredService<IConfiguration>()));
        services.AddSettings<RefreshOptions>("Suppliers:Refresh");
        services.AddSingleton<OfferRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<OfferRefresher>());
        services.AddServiceClient<KernelCatalogClient>(AppIds.Kernel, from: AppIds.Suppliers);
        services.AddOutputBindings(AppIds.Suppliers);
        services.AddStateStore(AppIds.Suppliers).AddWebhookReplays(AppIds.Suppliers);
        services.AddSingleton<SyncProgress>();
        services.AddTransient<CatalogSync>();
        services.AddSingleton<SyncQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncQueue>());
        services.AddOptions<PurchaseOptions>().BindConfiguration("Suppliers:Purchases").ValidateOnStart();
        services.AddSingleton<SupplierBuyer>();
        services.AddSingleton<PurchaseMetrics>();
        services.AddSettings<SupplierMonitorOptions>(SupplierMonitorOptions.Section);
        services.AddSingleton<SupplierMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<SupplierMonitor>());
        return builder;
    }

    public static IEndpointRouteBuilder MapSuppliers(this IEndpointRouteBuilder routes)
    {
        var app = routes.MapAppGroup(AppIds.Suppliers);
        app.MapWebhooks();
        app.MapGroup("").RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .MapSync()
            .MapSupplierFeed()
            .MapRefresh()
            .MapPurchases()
            .MapSupplierHealth();
        return routes;
    }

    /// <summary>The same adapter over the supplier's refresh endpoint, for <see cref="OfferRefresher"/> only.</summary>
    private static void AddRefreshAdapter<TSupplier>(this IServiceCollection services, string refreshEndpoint)
        where TSupplier : class, ISupplier =>
        services.AddKeyedTransient<ISupplier>(OfferRefresher.Key, (sp, _) =>
            ActivatorUtilities.CreateInstance<TSupplier>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(refreshEndpoint)));

    /// <summary>Measures every call a supplier's HttpClient makes, for the health page.</summary>
    private static IHttpClientBuilder AddCallMetrics(this IHttpClientBuilder client, string supplier) =>
        client.AddHttpMessageHandler(sp => new SupplierCallMetrics.Handler(
            sp.GetRequiredService<SupplierCallMetrics>(), supplier, sp.GetRequiredService<TimeProvider>()));
}
