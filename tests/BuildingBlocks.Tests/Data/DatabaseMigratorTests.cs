using Dapper;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Tests.Data;

public sealed class DatabaseMigratorTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Apps_starting_together_migrate_a_shared_schema_once()
    {
        var scripts = typeof(OutboxPublisher).Assembly;

        // Own threads, as separate processes would be: the migrator blocks while it waits for the lock.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
            () => DatabaseMigrator.Migrate(_database.ConnectionString, scripts, "messaging", NullLogger.Instance),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        var journal = (await connection.QueryAsync<string>("SELECT scriptname FROM messaging.schema_versions")).ToList();
        var embedded = scripts.GetManifestResourceNames().Count(n => n.EndsWith(".sql", StringComparison.Ordinal));
        journal.Should().HaveCount(embedded).And.OnlyHaveUniqueItems();
        embedded.Should().BePositive();
    }
}
