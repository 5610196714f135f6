using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Bindings.Mail;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.PubSub.Dapr;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults.Health;
using GamesDrop.ServiceDefaults.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamesDrop.BuildingBlocks;

/// <summary>Picks one adapter per building block for the host's profile; business code sees only the ports.</summary>
public static class BuildingBlocksExtensions
{
    /// <summary>
    /// The ports and, for the Dapr profile, the Dapr adapters. An Embedded host registers its <see cref="IEmbeddedRuntime"/>
    /// first (AddEmbeddedBuildingBlocks does both), whose adapters this then adds.
    /// </summary>
    public static WebApplicationBuilder AddBuildingBlocks(this WebApplicationBuilder builder, HostIdentity host)
    {
        var services = builder.Services;
        services.AddSingleton(host);
        services.TryAddSingleton(TimeProvider.System);
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSettings<ComponentsOptions>(ComponentsOptions.Section);
        services.AddSingleton(sp => ComponentCatalog.Load(ComponentCatalog.LocateFolder(
            sp.GetRequiredService<ComponentsOptions>().ComponentsPath, contentRoot)));
        services.AddExceptionHandler<StoreOutage.Handler>();
        services.AddHostedService<BreakerStateGauge>();

        services.AddPostgres();
        services.AddMigrations("messaging", typeof(OutboxRelay).Assembly);
        // Before the migrations AddMigrations put first: a host with a placeholder app token touches nothing.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, PlaceholderSecrets>());
        services.AddSingleton<IEventPublisher, OutboxPublisher>();
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<InputBindingMessages>();

        if (host.Profile == RuntimeProfile.Dapr)
        {
            services.AddDaprClient();
            services.AddSingleton<IEventBroker, DaprEventBroker>();
            services.AddSingleton<IMailSender, DaprSmtpMailSender>();
            services.AddHttpClient(DaprCircuitStates.HttpClientName, (sp, http) =>
            {
                http.BaseAddress = SidecarMetrics(sp.GetRequiredService<IConfiguration>());
                http.Timeout = TimeSpan.FromSeconds(2);
            });
            services.AddSingleton<ICircuitStates, DaprCircuitStates>();
            services.AddHttpClient(SidecarHealthCheck.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(3));
            services.AddHealthChecks().AddCheck<SidecarHealthCheck>("dapr-sidecar", tags: [HealthEndpoints.ReadyTag]);
            return builder;
        }

        IEmbeddedRuntime.Registered(services).AddHostServices(services);
        return builder;
    }

    // Dapr:MetricsEndpoint, else daprd's default metrics port on the sidecar's host.
    private static Uri SidecarMetrics(IConfiguration configuration) =>
        configuration[DaprCircuitStates.MetricsEndpointSetting] is { Length: > 0 } configured
            ? new Uri(configured.TrimEnd('/') + "/")
            : new UriBuilder(configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } sidecar ? sidecar : "http://localhost") { Port = 9090, Path = "/" }.Uri;

    /// <summary>
    /// Endpoints daprd calls on the app: the subscription list and the dead-letter recorder. The Embedded host needs
    /// neither: its delivery worker reads subscriptions from the endpoints and records dead letters itself.
    /// </summary>
    public static WebApplication MapBuildingBlocks(this WebApplication app)
    {
        if (app.Services.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr)
        {
            app.MapSubscribeHandler().AllowAnonymous();
            app.MapDeadLetterRecorder();
        }
        return app;
    }
}
