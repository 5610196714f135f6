using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Data;

/// <summary>Applies one module's numbered SQL scripts (embedded resources) with DbUp, journaled per schema.</summary>
public static class DatabaseMigrator
{
    public static void Migrate(string connectionString, Assembly scripts, string schema, ILogger logger)
    {
        EnsureDatabase.For.PostgresqlDatabase(connectionString, new DbUpLog(logger));
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

    // The journal lives in the module's schema, which must exist before DbUp creates the journal.
    private static void EnsureSchema(string connectionString, string schema)
    {
        if (!Regex.IsMatch(schema, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"'{schema}' is not a plain schema name.", nameof(schema));
        }
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection);
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
