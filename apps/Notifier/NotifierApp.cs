using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

namespace GamesDrop.Notifier;

/// <summary>Telegram alerts and Google Sheets rows from domain events, through output bindings.</summary>
public static class NotifierApp
{
    public static WebApplicationBuilder AddNotifier(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Notifier);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifier(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Notifier).RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy);
        return routes;
    }
}
