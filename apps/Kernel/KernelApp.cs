using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.Settings;
using GamesDrop.Contracts;
using GamesDrop.Kernel.Features.Admin;
using GamesDrop.Kernel.Features.Analytics;
using GamesDrop.Kernel.Features.Claims;
using GamesDrop.Kernel.Features.Currencies;
using GamesDrop.Kernel.Features.Fraud;
using GamesDrop.Kernel.Features.Home;
using GamesDrop.Kernel.Features.Inventory;
using GamesDrop.Kernel.Features.Keys;
using GamesDrop.Kernel.Features.Offers;
using GamesDrop.Kernel.Features.Orders;
using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.Kernel.Features.Products;
using GamesDrop.Kernel.Features.Refunds;
using GamesDrop.Kernel.Features.Regions;
using GamesDrop.Kernel.Features.Scoreboard;
using GamesDrop.Kernel.Features.Search;
using GamesDrop.Kernel.Features.Settings;
using GamesDrop.Kernel.Features.Suppliers;
using GamesDrop.Kernel.Features.SyncRuns;
using GamesDrop.Kernel.Features.Users;
using GamesDrop.Kernel.Features.Wishlist;
using GamesDrop.ServiceDefaults;
using GamesDrop.ServiceDefaults.Settings;
using Microsoft.Extensions.Options;

namespace GamesDrop.Kernel;

/// <summary>The system of record: catalog, pricing, users, orders, key vault, on PostgreSQL.</summary>
public static class KernelApp
{
    public static WebApplicationBuilder AddKernel(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Kernel);
        // Called here, not only in ServiceDefaults: the validation generator sees the types of the calling assembly.
        builder.Services.AddValidation();
        builder.Services.AddMigrations("public", typeof(KernelApp).Assembly);
        // Staff's stored settings override the files' defaults and reload without a restart (Features/Settings).
        builder.AddStoredSettings();
        builder.Services.AddHostedService<StoredSettingsStartup>();
        builder.Services.AddSecretStore(AppIds.Kernel);
        builder.Services.AddSingleton<SettingsReader>();
        builder.Services.Configure<NotificationTargetSettings>(builder.Configuration.GetSection(NotificationTargetSettings.Section));
        builder.Services.Configure<StoreSettings>(builder.Configuration.GetSection("Store"));
        // Resolved per use, so a handler reads the settings in force when it runs.
        builder.Services.AddTransient(sp => sp.GetRequiredService<IOptionsMonitor<StoreSettings>>().CurrentValue);
        builder.Services.Configure<PricingSettings>(builder.Configuration.GetSection("Pricing"));
        builder.Services.AddSettings<CatalogSettings>("Catalog");
        builder.Services.AddSingleton<SearchFacetCache>();
        builder.Services.AddSingleton<Repricer>();
        builder.Services.AddKeyedSingleton(SearchApi.SearchDataSource, (sp, _) => SearchApi.BuildSearchDataSource(
            DataExtensions.AppConnection(sp, sp.GetRequiredService<HostIdentity>(), AppIds.Kernel),
            sp.GetRequiredService<CatalogSettings>()));
        builder.Services.AddHostedService<BrowseFacetsRefresher>();
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSettings<AdminOptions>(AdminOptions.Section);
        builder.Services.AddHostedService<AdminAccount>();
        builder.Services.AddSingleton<KeyVault>();
        builder.Services.AddOptions<FraudSettings>().Bind(builder.Configuration.GetSection("Fraud"))
            .Validate(s => s.IsValid(), "Fraud thresholds must be at least 1, scores not negative, the refuse score at least the hold score.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DisposableDomains>();
        builder.Services.AddOptions<RefundSettings>().Bind(builder.Configuration.GetSection("Refunds"))
            .Validate(s => s.OneClickWindow >= TimeSpan.Zero, "Refunds:OneClickWindow cannot be negative.").ValidateOnStart();
        builder.Services.AddOptions<AnalyticsSettings>().Bind(builder.Configuration.GetSection("Analytics"))
            .Validate(s => s.IsValid(), "Analytics:TimeZone must be an IANA time zone, such as Europe/Berlin.").ValidateOnStart();
        builder.Services.AddOptions<ScoreboardSettings>().Bind(builder.Configuration.GetSection("Scoreboard"))
            .Validate(s => s.Days > 0 && s.FillRateFloor is >= 0 and <= 1 && s.MinPurchases > 0, "Scoreboard: Days and MinPurchases at least 1, FillRateFloor 0 to 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ScoreboardSettings>>().Value);
        builder.Services.AddExceptionHandler<KeyVaultUnavailableHandler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKernel(this IEndpointRouteBuilder routes)
    {
        var kernel = routes.MapAppGroup(AppIds.Kernel)
            .RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .MapCurrencies()
            .MapUsers()
            .MapAdminRole()
            .MapPasswords()
            .MapEmailVerification()
            .MapUserOrders()
            .MapOrders()
            .MapOrderLines()
            .MapOrderSales()
            .MapReceiptLinks()
            .MapPayments()
            .MapFraud()
            .MapRegions()
            .MapRefunds()
            .MapClaims()
            .MapClaimReplacements()
            .MapStockKeys()
            .MapWishlist()
            .MapAdminOrders()
            .MapAdminOrderActions()
            .MapAudit()
            .MapInventory()
            .MapSettings()
            .MapStoredSettings()
            .MapAnalytics()
            .MapScoreboard();
        kernel.MapGroup("/catalog")
            .MapSuppliers()
            .MapOffers()
            .MapSyncRuns()
            .MapPricing()
            .MapSearch()
            .MapProducts()
            .MapHome();
        return routes;
    }
}
