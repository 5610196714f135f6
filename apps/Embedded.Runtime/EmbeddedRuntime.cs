using Dapr.Actors.Runtime;
using GamesDrop.BuildingBlocks;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Embedded.Runtime.Actors;
using GamesDrop.Embedded.Runtime.Bindings;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.Embedded.Runtime.Invocation;
using GamesDrop.Embedded.Runtime.PubSub;
using GamesDrop.Embedded.Runtime.Resiliency;
using GamesDrop.Embedded.Runtime.Secrets;
using GamesDrop.Embedded.Runtime.State;
using GamesDrop.ServiceDefaults.Security;
using GamesDrop.ServiceDefaults.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace GamesDrop.Embedded.Runtime;

/// <summary>
/// The Embedded profile's adapters, doing in this process what daprd does for the Dapr profile: pub/sub delivery from
/// the outbox, actors and state in Redis under Dapr's key layout, bindings, secrets from configuration, and the
/// resiliency policies of resiliency.yaml; secret scopes and access control from each app's Configuration.
/// </summary>
public sealed class EmbeddedRuntime : IEmbeddedRuntime
{
    public void AddHostServices(IServiceCollection services)
    {
        services.AddRedis();
        services.AddSettings<SelfAddressOptions>(SelfAddressOptions.Section);
        services.AddSingleton<SelfAddress>();
        services.AddSingleton<EmbeddedAppTokens>();
        services.Replace(ServiceDescriptor.Singleton<IAppTokenSource>(sp => sp.GetRequiredService<EmbeddedAppTokens>()));
        services.AddSingleton<TopicSubscriptions>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        services.AddSingleton<IEventBroker, EmbeddedEventBroker>();
        // The secrets as daprd's components see them; each app reads through its scopes (SecretStore below).
        services.AddSingleton<ConfigurationSecretStore>();
        services.AddSingleton<AppConfigurations>();
        services.AddSingleton<CircuitBreakers>();
        services.AddSingleton<ICircuitStates>(sp => sp.GetRequiredService<CircuitBreakers>());
        services.AddSingleton<BindingRoutes>();
        services.AddHostedService<CronBindingScheduler>();
        services.AddHttpClient(DeliveryWorker.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient(CronBindingScheduler.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(10));
    }

    public void AddActors(IServiceCollection services, string appId, ActorRuntimeOptions options)
    {
        services.AddSingleton(sp => new EmbeddedActorRuntime(sp, appId, options));
        services.AddSingleton(sp => new RedisActorReminders(sp.GetRequiredService<IConnectionMultiplexer>(), appId, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IActorProxies, EmbeddedActorProxies>();
        services.AddSettings<ReminderOptions>(ReminderOptions.Section);
        services.AddHostedService<ReminderPoller>();
    }

    public IStateStore StateStore(IServiceProvider services, string appId) =>
        new RedisStateStore(services.GetRequiredService<IConnectionMultiplexer>(), appId);

    public IOutputBinding OutputBinding(IServiceProvider services, string appId) =>
        new EmbeddedQueueBinding(appId, services.GetRequiredService<ComponentCatalog>(), services.GetRequiredService<BindingRoutes>(),
            services.GetRequiredService<SelfAddress>(), services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<EmbeddedAppTokens>());

    public ISecretStore SecretStore(IServiceProvider services, string appId) =>
        new ScopedSecretStore(services.GetRequiredService<ConfigurationSecretStore>(), services.GetRequiredService<AppConfigurations>().For(appId));

    public IHttpClientBuilder ToApp(IHttpClientBuilder client, string callerAppId, string appId) => LocalInvocation.ToLocalApp(client, callerAppId, appId);

    public IHttpClientBuilder ToHttpEndpoint(IHttpClientBuilder client, string endpointName) => LocalInvocation.ToConfiguredUrl(client, endpointName);
}

public static class EmbeddedRuntimeExtensions
{
    /// <summary>AddBuildingBlocks for the Embedded profile: the ports, with this runtime's adapters behind them.</summary>
    public static WebApplicationBuilder AddEmbeddedBuildingBlocks(this WebApplicationBuilder builder, HostIdentity host)
    {
        builder.Services.AddSingleton<IEmbeddedRuntime>(new EmbeddedRuntime());
        return builder.AddBuildingBlocks(host);
    }
}
