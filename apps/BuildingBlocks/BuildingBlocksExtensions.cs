using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Bindings.Mail;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.PubSub.Dapr;
using GamesDrop.BuildingBlocks.PubSub.Embedded;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamesDrop.BuildingBlocks;

/// <summary>Picks one adapter per building block for the host's profile; business code sees only the ports.</summary>
public static class BuildingBlocksExtensions
{
    public static WebApplicationBuilder AddBuildingBlocks(this WebApplicationBuilder builder, HostIdentity host)
    {
        var services = builder.Services;
        services.AddSingleton(host);
        services.TryAddSingleton(TimeProvider.System);
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp => ComponentCatalog.Load(ComponentCatalog.LocateFolder(
            sp.GetRequiredService<IConfiguration>()["GamesDrop:ComponentsPath"], contentRoot)));
        services.AddSingleton<CircuitBreakers>();

        services.AddPostgres();
        services.AddMigrations("messaging", typeof(OutboxRelay).Assembly);
        services.AddSingleton<IEventPublisher, OutboxPublisher>();
        services.AddHostedService<OutboxRelay>();

        if (host.Profile == RuntimeProfile.Dapr)
        {
            services.AddDaprClient();
            services.AddSingleton<IEventBroker, DaprEventBroker>();
            services.AddSingleton<IOutputBinding, DaprOutputBinding>();
            services.AddSingleton<IMailSender, DaprSmtpMailSender>();
            services.AddSingleton<ISecretStore>(sp => new DaprSecretStore(sp.GetRequiredService<Dapr.Client.DaprClient>(), DaprComponents.SecretStore));
            return builder;
        }

        services.AddRedis();
        services.AddSingleton<SelfAddress>();
        services.AddSingleton<TopicSubscriptions>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddSingleton<IEventBroker, EmbeddedEventBroker>();
        services.AddSingleton<ISecretStore, ConfigurationSecretStore>();
        services.AddSingleton<BindingRoutes>();
        services.AddSingleton<IOutputBinding, EmbeddedQueueBinding>();
        services.AddHostedService<CronBindingScheduler>();
        services.AddHttpClient(DeliveryWorker.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient(CronBindingScheduler.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(10));
        return builder;
    }

    /// <summary>Endpoints daprd calls on the app (the subscription list); the Embedded host needs none.</summary>
    public static WebApplication MapBuildingBlocks(this WebApplication app)
    {
        if (app.Services.GetRequiredService<HostIdentity>().Profile == RuntimeProfile.Dapr)
        {
            app.MapSubscribeHandler().AllowAnonymous();
        }
        return app;
    }
}
