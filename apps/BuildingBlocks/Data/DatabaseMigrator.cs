using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Data;

/// <summary>
/// Applies one module's numbered SQL scripts (embedded resources) with DbUp, journaled per schema. In the Dapr
/// profile every app migrates the shared <c>messaging</c> schema as it starts, so a migration of a schema holds
/// a PostgreSQL advisory lock on it: a second app waits, then finds the scripts journaled. Scripts run as the role
/// owning the schema (<see cref="AppDatabases.OwnerOf"/>), so the app roles own what they use.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>A fresh server (the first <c>./run.sh</c>) has no store database yet.</summary>
    public static void CreateDatabaseIfMissing(string connectionString, ILogger logger) =>
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUpLog(logger));

    public static void Migrate(string connectionString, Assembly scripts, string schema, ILogger logger)
    {
        CreateDatabaseIfMissing(connectionString, logger);
        connectionString = AsOwner(connectionString, schema);
        using var schemaLock = LockSchema(connectionString, schema);
        EnsureSchema(connectionString, schema);
        var result = DeployChanges.To.PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(scripts, name => name.EndsWith(".sql", StringComparison.Ordinal))
            .JournalToPostgresqlTable(schema, "schema_versions")
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration of schema '{schema}' failed at {result.ErrorScript?.Name}.", result.Error);
        }
    }

    // A session-level lock, released when the returned connection closes, whatever the outcome. The connection is
    // not pooled: closing a pooled one would keep its session, and the lock with it.
    private static NpgsqlConnection LockSchema(string connectionString, string schema)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('gamesdrop.migrate.' || @schema))", connection);
        command.Parameters.AddWithValue("schema", schema);
        // Another app's long migration is worth waiting for; a stuck one still ends the wait.
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
        return connection;
    }

    // Acts as the owner (SET ROLE at connect) where the schema was provisioned for it; a database without the app roles
    // (a developer's own in the Dapr profile) migrates as whoever connects.
    private static string AsOwner(string connectionString, string schema)
    {
        if (AppDatabases.OwnerOf(schema) is not { } owner)
        {
            return connectionString;
        }
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("""
                SELECT CASE WHEN EXISTS (SELECT FROM pg_namespace WHERE nspname = @schema AND nspowner = to_regrole(@owner))
                            THEN pg_has_role(@owner, 'MEMBER') ELSE false END
                """, connection);
            exists.Parameters.AddWithValue("owner", owner);
            exists.Parameters.AddWithValue("schema", schema);
            if (exists.ExecuteScalar() is not true)
            {
                return connectionString;
            }
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { Options = $"-c role={owner}" }.ConnectionString;
    }

    // The journal lives in the module's schema, which must exist before DbUp creates the journal. An existing one is
    // left alone: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas, which app roles do not have.
    private static void EnsureSchema(string connectionString, string schema)
    {
        if (!Regex.IsMatch(schema, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"'{schema}' is not a plain schema name.", nameof(schema));
        }
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = '{schema}') THEN CREATE SCHEMA {schema}; END IF; END $$", connection);
        command.ExecuteNonQuery();
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }

        public void LogDebug(string format, params object[] args) { }

        public void LogInformation(string format, params object[] args) =>
            logger.LogInformation("Migration: {Message}", string.Format(format, args));

        public void LogWarning(string format, params object[] args) =>
            logger.LogWarning("Migration: {Message}", string.Format(format, args));

        public void LogError(string format, params object[] args) =>
            logger.LogError("Migration: {Message}", string.Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) =>
            logger.LogError(ex, "Migration: {Message}", string.Format(format, args));
    }
}
