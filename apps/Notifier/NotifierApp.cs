using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.Settings;
using GamesDrop.Contracts;
using GamesDrop.Notifier.Clients;
using GamesDrop.Notifier.Features.Claims;
using GamesDrop.Notifier.Features.Deliveries;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.Notifier.Features.Orders;
using GamesDrop.Notifier.Features.Sheets;
using GamesDrop.Notifier.Features.Stock;
using GamesDrop.Notifier.Features.Suppliers;
using GamesDrop.Notifier.Features.Telegram;
using GamesDrop.ServiceDefaults;
using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Notifier;

/// <summary>
/// Telegram alerts, Google Sheets rows and mails from domain events. Handlers queue what an event gives (sealed, one
/// message per channel per event) and answer at once; the dispatcher sends through the output bindings, retrying.
/// </summary>
public static class NotifierApp
{
    public static WebApplicationBuilder AddNotifier(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAppOpenApi(AppIds.Notifier);
        services.AddValidation();
        services.AddMigrations("notifier", typeof(NotifierApp).Assembly);
        // Configuration is read through options classes, checked when the app starts rather than at the first mail.
        services.AddSettings<NotifierStoreOptions>(NotifierStoreOptions.Section);
        services.AddSettings<MailOptions>(MailOptions.Section);
        services.AddSettings<DeliveryOptions>(DeliveryOptions.Section);
        // The chat and the sheet are staff settings stored in the kernel: read through IOptionsMonitor, they change without a restart.
        builder.AddStoredSettingsFromKernel(AppIds.Notifier);
        services.Configure<TelegramOptions>(builder.Configuration.GetSection(TelegramOptions.Section));
        services.Configure<SheetsOptions>(builder.Configuration.GetSection(SheetsOptions.Section));
        services.AddSecretStore(AppIds.Notifier);
        services.AddSingleton<StoreLinks>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<ReceiptMails>();
        services.AddSingleton<PayloadCipher>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());

        services.AddHttpEndpointClient(TelegramOptions.EndpointName);
        services.AddTransient<INotificationChannel, TelegramChannel>();
        services.AddHttpEndpointClient(SheetsOptions.TokenEndpointName);
        services.AddSingleton<GoogleAccessTokens>();
        services.AddHttpEndpointClient<SheetsChannel>(SheetsOptions.EndpointName);
        services.AddTransient<INotificationChannel>(sp => sp.GetRequiredService<SheetsChannel>());
        services.AddTransient<INotificationChannel, MailChannel>();
        services.AddServiceClient<KernelOrdersClient>(AppIds.Kernel, from: AppIds.Notifier);
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifier(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Notifier).RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .MapMail()
            .MapReceiptResend()
            .MapOrderAlerts()
            .MapSupplierAlerts()
            .MapStockAlerts()
            .MapClaimAlerts()
            .MapSalesReport()
            .MapDeliveries()
            .MapStoredSettings();
        return routes;
    }
}
