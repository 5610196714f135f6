using GamesDrop.Sandbox.Admin;
using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Features.Digiflazz;
using GamesDrop.Sandbox.Features.Faults;
using GamesDrop.Sandbox.Features.Google;
using GamesDrop.Sandbox.Features.Kinguin;
using GamesDrop.Sandbox.Features.PayPal;
using GamesDrop.Sandbox.Features.Telegram;
using GamesDrop.Sandbox.Webhooks;
using GamesDrop.ServiceDefaults;

namespace GamesDrop.Sandbox;

/// <summary>Simulators of the outside partners, for ./run.sh, demos and tests; never deployed to production.</summary>
public static class SandboxApp
{
    public const string Id = "sandbox";

    /// <summary>Shorthands: <c>--products 100000 --seed 7</c>.</summary>
    public static readonly IDictionary<string, string> CommandLineSwitches = new Dictionary<string, string>
    {
        ["--products"] = CatalogOptions.Section + ":" + nameof(CatalogOptions.Products),
        ["--seed"] = CatalogOptions.Section + ":" + nameof(CatalogOptions.Seed),
    };

    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddAppOpenApi(Id);
        // Here, not only in ServiceDefaults: the validation source generator only sees the types of the project that calls it.
        builder.Services.AddValidation();
        // The partners accept requests that leave optional fields out; the simulators must too.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.RespectRequiredConstructorParameters = false);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Scheduler>();
        builder.Services.AddAdminToken();
        builder.Services.AddCatalog();
        builder.Services.AddFaults();
        builder.Services.AddWebhooks();
        builder.Services.AddKinguin();
        builder.Services.AddDigiflazz();
        builder.Services.AddPayPal();
        builder.Services.AddTelegram();
        builder.Services.AddGoogle();
        return builder;
    }

    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder routes)
    {
        var sandbox = routes.MapAppGroup(Id);
        sandbox.MapCatalogImages();
        sandbox.MapKinguin();
        sandbox.MapDigiflazz();
        sandbox.MapPayPal();
        sandbox.MapTelegram();
        sandbox.MapGoogle();

        var admin = sandbox.MapGroup("/_sandbox").RequireAdminToken();
        admin.MapFaults();
        admin.MapCatalogAdmin();
        admin.MapKinguinAdmin();
        admin.MapDigiflazzAdmin();
        admin.MapWebhookLog();
        admin.MapTelegramAdmin();
        admin.MapGoogleAdmin();
        return routes;
    }
}
