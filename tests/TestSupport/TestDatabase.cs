using Npgsql;

namespace GamesDrop.TestSupport;

/// <summary>
/// A fresh PostgreSQL database on the server test.sh started (GAMESDROP_TEST_POSTGRES), dropped afterwards,
/// so every test starts from an empty schema without sharing rows with others running in parallel.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private TestDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = TestEnvironment.Require("GAMESDROP_TEST_POSTGRES");
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
        return new TestDatabase(admin, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
