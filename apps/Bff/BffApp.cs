using GamesDrop.Bff.Features.Catalog;
using GamesDrop.Bff.Features.Currencies;
using GamesDrop.Bff.Kernel;
using GamesDrop.Bff.Suppliers;
using GamesDrop.BuildingBlocks.Invocation;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults;

namespace GamesDrop.Bff;

/// <summary>The public HTTP API the storefront calls: shaped for the UI, the only app browsers reach.</summary>
public static class BffApp
{
    public static WebApplicationBuilder AddBff(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(AppIds.Bff);
        builder.Services.AddValidation();
        builder.Services.AddServiceClient<KernelClient>(AppIds.Kernel);
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddServiceClient<SuppliersClient>(AppIds.Suppliers).ConfigureHttpClient(c => c.Timeout = SuppliersClient.Timeout);
        return builder;
    }

    public static IEndpointRouteBuilder MapBff(this IEndpointRouteBuilder routes)
    {
        routes.MapAppGroup(AppIds.Bff)
            .MapGroup("/api")
            .MapCurrencies()
            .MapCatalog();
        return routes;
    }
}
