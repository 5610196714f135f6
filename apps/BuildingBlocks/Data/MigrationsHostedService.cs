using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamesDrop.BuildingBlocks.Data;

/// <summary>A module's scripts and the schema whose journal records them.</summary>
public sealed record MigrationSet(string Schema, Assembly Scripts);

/// <summary>Migrates every registered module before the host takes traffic (hosted services start in order).</summary>
internal sealed class MigrationsHostedService(
    IEnumerable<MigrationSet> sets, IServiceProvider services, ILogger<MigrationsHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = DataExtensions.Required(services, DataExtensions.ConnectionName);
        foreach (var set in sets.DistinctBy(s => s.Schema))
        {
            DatabaseMigrator.Migrate(connectionString, set.Scripts, set.Schema, logger);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class MigrationExtensions
{
    /// <summary>Registers a module's migrations; the first call also registers the runner.</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, string schema, Assembly scripts)
    {
        if (services.All(d => d.ImplementationType != typeof(MigrationsHostedService)))
        {
            // Inserted first so migrations finish before any worker that reads the tables starts.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, MigrationsHostedService>());
        }
        services.AddSingleton(new MigrationSet(schema, scripts));
        return services;
    }
}
