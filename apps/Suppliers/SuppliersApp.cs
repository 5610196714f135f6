using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

namespace GamesDrop.Suppliers;

/// <summary>Supplier adapters (Kinguin, Digiflazz), catalog sync, push feeds and key purchase with failover.</summary>
public static class SuppliersApp
{
    public static WebApplicationBuilder AddSuppliers(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Suppliers);
        builder.Services.AddValidation();
        return builder;
    }

    public static IEndpointRouteBuilder MapSuppliers(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Suppliers).RequireAuthorization(ServiceDefaultsExtensions.InternalPolicy);
        return routes;
    }
}
