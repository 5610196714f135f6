using System.Diagnostics;
using System.Security.Cryptography;

namespace GamesDrop.TestSupport;

/// <summary>
/// A PostgreSQL and a Redis of a test's own on loopback, started with scripts/infra.sh as test.sh starts the shared ones,
/// so a fault test can stop and restart them without touching the servers other tests use.
/// </summary>
public sealed class OwnServers : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gamesdrop-faults-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly int _postgresPort = TestEnvironment.FreePort();
    private readonly int _redisPort = TestEnvironment.FreePort();

    private OwnServers()
    {
    }

    public string Postgres => $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Password={_password};Database=postgres";
    public string Redis => $"127.0.0.1:{_redisPort},password={_password}";

    public static async Task<OwnServers> StartAsync()
    {
        var servers = new OwnServers();
        Directory.CreateDirectory(servers._dir);
        await servers.StartPostgresAsync();
        await servers.StartRedisAsync();
        return servers;
    }

    public Task StartPostgresAsync() => InfraAsync($"PG_FSYNC=off start_postgres '{_dir}/pg' {_postgresPort} {_password}");
    public Task StopPostgresAsync() => InfraAsync($"stop_postgres '{_dir}/pg'");
    public Task StartRedisAsync() => InfraAsync($"REDIS_SAVE='' start_redis '{_dir}/redis' {_redisPort} {_password}");
    public Task StopRedisAsync() => InfraAsync($"stop_redis '{_dir}/redis'");

    public async ValueTask DisposeAsync()
    {
        await InfraAsync($"stop_throwaway '{_dir}'");
        Directory.Delete(_dir, recursive: true);
    }

    private static async Task InfraAsync(string command)
    {
        // Output is not captured: the servers it starts keep inherited pipes open, so reading them to the end would never end.
        var start = new ProcessStartInfo("bash", ["-c", $"source scripts/infra.sh && {command}"]) { WorkingDirectory = TestEnvironment.RepoRoot };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}; see the server logs in the test's folder.");
        }
    }
}
