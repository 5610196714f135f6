using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using GamesDrop.ServiceDefaults.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace GamesDrop.BuildingBlocks.Data;

public static class DataExtensions
{
    public const string ConnectionName = "Postgres";
    public const string RedisConnectionName = "Redis";

    /// <summary>
    /// One <see cref="NpgsqlDataSource"/> per hosted app, keyed by its app id, each signed in as that app's role
    /// (<see cref="AppDatabases"/>); a connection per operation. In the Dapr profile ConnectionStrings:Postgres is the
    /// app's own. The Embedded host's is the migrator's, from which each app's is derived; there the unkeyed data
    /// source, which the kernel's handlers and the outbox runtime use, is the kernel's.
    /// </summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            return services;
        }
        var host = HostIdentity.Registered(services, nameof(AddPostgres));
        foreach (var appId in host.HostedApps)
        {
            services.AddKeyedSingleton(appId, (sp, _) => NpgsqlDataSource.Create(AppConnection(sp, host, appId)));
        }
        var main = host.Profile == RuntimeProfile.Dapr ? host.Id : AppIds.Kernel;
        services.AddSingleton(sp => host.HostedApps.Contains(main)
            ? sp.GetRequiredKeyedService<NpgsqlDataSource>(main)
            : NpgsqlDataSource.Create(Required(sp, ConnectionName)));
        services.AddHealthChecks().AddNpgSql(name: "postgres", tags: [HealthEndpoints.ReadyTag]);
        // Npgsql's ActivitySource, which every data source (each app's and the search pool's) writes to.
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddNpgsql());
        return services;
    }

    public static IServiceCollection AddRedis(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
        {
            return services;
        }
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(Required(sp, RedisConnectionName));
            options.AbortOnConnectFail = false;
            // While Redis is away a command fails at once (a 503 for the caller) instead of queueing until a timeout.
            options.BacklogPolicy = BacklogPolicy.FailFast;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHealthChecks().AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), name: "redis", tags: [HealthEndpoints.ReadyTag]);
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddRedisInstrumentation());
        return services;
    }

    /// <summary>The connection string of <paramref name="appId"/>'s role; a host's own app ids outside the list connect as configured.</summary>
    public static string AppConnection(IServiceProvider services, HostIdentity host, string appId) =>
        host.Profile == RuntimeProfile.Embedded && AppDatabases.Of(appId) is { } app
            ? AppDatabases.EmbeddedConnection(Required(services, ConnectionName), app)
            : Required(services, ConnectionName);

    /// <summary>Read when first used, so hosts and test factories can set it until the app is built.</summary>
    public static string Required(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
