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

    /// <summary>One <see cref="NpgsqlDataSource"/> per process; a connection per operation.</summary>
    public static IServiceCollection AddPostgres(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(NpgsqlDataSource)))
        {
            return services;
        }
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(Required(sp, ConnectionName)).Build());
        services.AddHealthChecks().AddNpgSql(name: "postgres", tags: [HealthEndpoints.ReadyTag]);
        // Npgsql's ActivitySource, which every data source (the search pool's too) writes to.
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

    /// <summary>Read when first used, so hosts and test factories can set it until the app is built.</summary>
    public static string Required(IServiceProvider services, string name) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(name)
            ?? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
