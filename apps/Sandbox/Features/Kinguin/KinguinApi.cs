using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.ServiceDefaults.Settings;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>
/// Kinguin's eCommerce API (ESA) under <c>/kinguin/esa/api</c>, so a base URL on this sandbox replaces
/// <c>https://gateway.kinguin.net/esa/api</c> and nothing else changes for the client.
/// </summary>
internal static class KinguinApi
{
    public const string Prefix = "/kinguin/esa/api";
    public const string ApiKeyHeader = "X-Api-Key";

    public static IServiceCollection AddKinguin(this IServiceCollection services)
    {
        services.AddSettings<KinguinOptions>(KinguinOptions.Section);
        services.AddSingleton<KinguinStock>();
        services.AddSingleton<KinguinOrderBook>();
        services.AddSingleton<KinguinWebhooks>();
        return services;
    }

    public static RouteGroupBuilder MapKinguin(this RouteGroupBuilder sandbox)
    {
        var kinguin = sandbox.MapGroup(Prefix).WithTags("Kinguin")
            .WithFaults(Partners.Kinguin, status => KinguinError.Injected(status).ToResult())
            .AddEndpointFilter(async (context, next) =>
            {
                var expected = context.HttpContext.RequestServices.GetRequiredService<KinguinOptions>().ApiKey;
                return ConstantTime.Matches(context.HttpContext.Request.Headers[ApiKeyHeader].ToString(), expected)
                    ? await next(context)
                    : KinguinError.Unauthorized().ToResult();
            });
        kinguin.MapKinguinProducts();
        kinguin.MapKinguinOrders();
        return sandbox;
    }
}
