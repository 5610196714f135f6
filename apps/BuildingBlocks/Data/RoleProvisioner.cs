using Dapper;
using Npgsql;

namespace GamesDrop.BuildingBlocks.Data;

/// <summary>
/// Embedded profile's infra step, run with the migrator's connection before any migration: creates the app roles of
/// <see cref="AppDatabases.All"/>, gives each its schemas (and whatever an older database already holds in them),
/// and closes <c>public</c> to everyone but its owner. deploy/postgres/init-roles.sh does the same for the Dapr profile.
/// </summary>
internal static class RoleProvisioner
{
    public static async Task ProvisionAsync(string migratorConnection, CancellationToken ct)
    {
        // Roles are cluster-wide and advisory locks per database: hosts on other databases of the same server (parallel
        // tests) meet in the maintenance database, where one at a time creates or updates the roles.
        await InTransactionAsync(new NpgsqlConnectionStringBuilder(migratorConnection) { Database = "postgres" }.ConnectionString, async run =>
        {
            await run(RoleSql.CreateGroup, new { Role = AppDatabases.MessagingRole });
            foreach (var app in AppDatabases.All)
            {
                await run(RoleSql.CreateLogin, new { app.Role, Password = AppDatabases.EmbeddedPassword(migratorConnection, app.Role) });
                await run(RoleSql.GrantGroup, new { Group = AppDatabases.MessagingRole, app.Role });
            }
        }, ct);
        await InTransactionAsync(migratorConnection, async run =>
        {
            foreach (var extension in AppDatabases.All.SelectMany(a => a.Extensions).Distinct())
            {
                await run(RoleSql.CreateExtension, new { Extension = extension });
            }
            var owners = AppDatabases.All.SelectMany(a => a.Schemas.Select(s => (Schema: s, a.Role)))
                .Append((Schema: AppDatabases.MessagingSchema, Role: AppDatabases.MessagingRole));
            foreach (var (schema, role) in owners)
            {
                await run(RoleSql.OwnSchema, new { Schema = schema, Role = role });
                await run(RoleSql.HandOverObjects, new { Schema = schema, Role = role });
            }
        }, ct);
    }

    // One locked transaction; DDL takes no parameters, so each formatter returns statements (names quoted by format()'s
    // %I, the password by %L) that then run.
    private static async Task InTransactionAsync(string connectionString, Func<Func<string, object, Task>, Task> steps, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(RoleSql.Lock, transaction: transaction, cancellationToken: ct));
        await steps(async (formatter, parameters) =>
        {
            foreach (var statement in await connection.QueryAsync<string>(new CommandDefinition(formatter, parameters, transaction, cancellationToken: ct)))
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: ct));
            }
        });
        await transaction.CommitAsync(ct);
    }
}
