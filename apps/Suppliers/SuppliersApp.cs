using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Adapters.Digiflazz;
using GamesDrop.Suppliers.Adapters.Kinguin;
using GamesDrop.Suppliers.Features.Health;
using GamesDrop.Suppliers.Features.Push;
using GamesDrop.Suppliers.Features.Refresh;
using GamesDrop.Suppliers.Features.Sync;
using GamesDrop.Suppliers.Kernel;

namespace GamesDrop.Suppliers;

/// <summary>Supplier adapters (Kinguin, Digiflazz), catalog sync, push feeds and key purchase.</summary>
public static class SuppliersApp
{
    public static WebApplicationBuilder AddSuppliers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAppOpenApi(AppIds.Suppliers);
        services.AddValidation();
        services.Configure<KinguinOptions>(builder.Configuration.GetSection("Suppliers:Kinguin"));
        services.Configure<DigiflazzOptions>(builder.Configuration.GetSection("Suppliers:Digiflazz"));
        services.AddSingleton<SupplierSecrets>();
        services.AddSingleton<SupplierCallMetrics>();
        services.AddSupplier<KinguinSupplier>(KinguinSupplier.SupplierCode, "kinguin-api");
        services.AddSupplier<DigiflazzSupplier>(DigiflazzSupplier.SupplierCode, "digiflazz-api");
        services.AddTransient<SupplierRegistry>();
        services.AddServiceClient<KernelCatalogClient>(AppIds.Kernel);
        services.AddSingleton<SyncProgress>();
        services.AddTransient<CatalogSync>();
        services.AddSingleton<SyncQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncQueue>());
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
            .MapSupplierHealth();
        return routes;
    }

    /// <summary>An adapter with its own HttpClient through its HTTPEndpoint, measured call by call.</summary>
    private static void AddSupplier<TSupplier>(this IServiceCollection services, string code, string endpoint)
        where TSupplier : class, ISupplier
    {
        services.AddHttpEndpointClient<TSupplier>(endpoint)
            .AddHttpMessageHandler(sp => new SupplierCallMetrics.Handler(
                sp.GetRequiredService<SupplierCallMetrics>(), code, sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<ISupplier>(sp => sp.GetRequiredService<TSupplier>());
    }
}
