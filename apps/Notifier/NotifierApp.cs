using GamesDrop.BuildingBlocks.Data;
using GamesDrop.Contracts;
using GamesDrop.Notifier.Features.Mail;
using GamesDrop.ServiceDefaults;

namespace GamesDrop.Notifier;

/// <summary>Telegram alerts, Google Sheets rows and account mails from domain events, through output bindings.</summary>
public static class NotifierApp
{
    public static WebApplicationBuilder AddNotifier(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Notifier);
        builder.Services.AddValidation();
        builder.Services.AddMigrations("notifier", typeof(NotifierApp).Assembly);
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifier(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Notifier).RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy)
            .MapMail(routes.ServiceProvider.GetRequiredService<IHostEnvironment>());
        return routes;
    }
}
