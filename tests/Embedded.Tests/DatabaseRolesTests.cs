using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamesDrop.Embedded.Tests;

/// <summary>
/// Least privilege in PostgreSQL, on the store as ./run.sh starts it: every app of the list the hosts provision and
/// connect from (<see cref="AppDatabases.All"/>) signs in as its own role, and that role reads no other app's tables.
/// </summary>
public sealed class DatabaseRolesTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_app_connects_as_its_own_role_which_is_no_superuser_and_compiles_no_JIT()
    {
        foreach (var app in AppDatabases.All)
        {
            await using var connection = await DataSourceOf(app).OpenConnectionAsync();

            var role = await connection.QuerySingleAsync<(string Name, bool Super, bool CreateRole, string Jit)>(
                "SELECT rolname, rolsuper, rolcreaterole, current_setting('jit') FROM pg_roles WHERE rolname = current_user");

            role.Should().Be((app.Role, false, false, "off"), app.AppId);
        }
    }

    [Fact]
    public async Task No_app_reads_another_apps_tables_and_each_reads_its_own_and_the_outbox()
    {
        var tables = await TablesBySchemaAsync();
        tables.Should().OnlyContain(schema => schema.Value.Count > 0, "every owned schema holds tables to read");

        foreach (var reader in AppDatabases.All)
        {
            await using var connection = await DataSourceOf(reader).OpenConnectionAsync();
            foreach (var owner in AppDatabases.All)
            {
                foreach (var table in owner.Schemas.SelectMany(schema => tables[schema]))
                {
                    var read = () => connection.ExecuteScalarAsync($"SELECT count(*) FROM {table}");

                    if (owner == reader)
                    {
                        await read.Should().NotThrowAsync($"{reader.AppId} reads its own {table}");
                    }
                    else
                    {
                        (await read.Should().ThrowAsync<PostgresException>($"{reader.AppId} must not read {owner.AppId}'s {table}"))
                            .Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
                    }
                }
            }
            await connection.Invoking(c => c.ExecuteScalarAsync("SELECT count(*) FROM messaging.outbox"))
                .Should().NotThrowAsync($"{reader.AppId} publishes through the shared outbox");
        }
    }

    private NpgsqlDataSource DataSourceOf(AppDatabase app) => _app.Services.GetRequiredKeyedService<NpgsqlDataSource>(app.AppId);

    private async Task<Dictionary<string, List<string>>> TablesBySchemaAsync()
    {
        await using var admin = new NpgsqlConnection(_app.DatabaseConnectionString);
        var schemas = AppDatabases.All.SelectMany(a => a.Schemas).ToArray();
        var rows = await admin.QueryAsync<(string Schema, string Table)>(
            "SELECT schemaname, format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = ANY(@Schemas)", new { Schemas = schemas });
        return schemas.ToDictionary(s => s, s => rows.Where(r => r.Schema == s).Select(r => r.Table).ToList());
    }
}
