using System.Reflection;
using GamesDrop.BuildingBlocks.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamesDrop.BuildingBlocks.Data;

/// <summary>A module's scripts and the schema whose journal records them.</summary>
public sealed record MigrationSet(string Schema, Assembly Scripts);

/// <summary>
/// Migrates every registered module before the host takes traffic (hosted services start in order), each as the role
/// that owns its schema. The Embedded host first provisions the app roles with its migrator's connection. A database
/// that is not up yet (a fresh host, a container started before PostgreSQL accepts connections) is waited for.
/// </summary>
internal sealed partial class MigrationsHostedService(
    IEnumerable<MigrationSet> sets, HostIdentity host, IServiceProvider services, ILogger<MigrationsHostedService> logger) : IHostedService
{
    private const int MaxAttempts = 30;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = DataExtensions.Required(services, DataExtensions.ConnectionName);
        if (host.Profile == RuntimeProfile.Embedded)
        {
            // The roles are given schemas inside the store database, so it must exist first.
            await RetryAsync("roles", () =>
            {
                DatabaseMigrator.CreateDatabaseIfMissing(connectionString, logger);
                return RoleProvisioner.ProvisionAsync(connectionString, cancellationToken);
            }, cancellationToken);
        }
        foreach (var set in sets.DistinctBy(s => s.Schema))
        {
            await RetryAsync(set.Schema, () =>
            {
                DatabaseMigrator.Migrate(connectionString, set.Scripts, set.Schema, logger);
                return Task.CompletedTask;
            }, cancellationToken);
        }
    }

    private async Task RetryAsync(string step, Func<Task> run, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await run();
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
                LogWaiting(step, attempt, e.Message);
                await Task.Delay(RetryDelay, ct);
            }
        }
    }

    // Connection refused, or "the database system is starting up" (57P03): Npgsql marks both transient.
    private static bool IsTransient(Exception e) =>
        e is Npgsql.NpgsqlException { IsTransient: true } || (e.InnerException is { } inner && IsTransient(inner));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not ready for the {Schema} migrations (try {Attempt}): {Reason}; retrying")]
    private partial void LogWaiting(string schema, int attempt, string reason);

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
