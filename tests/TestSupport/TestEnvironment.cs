namespace GamesDrop.TestSupport;

public static class TestEnvironment
{
    /// <summary>Connection settings test.sh exports; a clear failure when a test is run without them.</summary>
    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through ./test.sh, which starts PostgreSQL and Redis.");

    public static string Redis => Require("GAMESDROP_TEST_REDIS");

    /// <summary>The repository root, found from the test binaries.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GamesDrop.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("GamesDrop.sln not found above the test binaries.");
        }
    }

    /// <summary>
    /// A loopback port free right now, for a server whose address others must know before it starts. Drawn from below
    /// the system's ephemeral range: a port from within it could be handed to another suite's outgoing connection
    /// before the server binds it ("address already in use" on a busy machine).
    /// </summary>
    public static int FreePort()
    {
        var below = EphemeralPortsFrom();
        for (var attempt = 0; attempt < 100 && below > 10_001; attempt++)
        {
            var port = Random.Shared.Next(10_000, below);
            try
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Taken: draw another.
            }
        }
        using var any = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        any.Start();
        return ((System.Net.IPEndPoint)any.LocalEndpoint).Port;
    }

    // The first port of Linux's ephemeral range (32768 unless configured otherwise).
    private static int EphemeralPortsFrom() =>
        File.Exists("/proc/sys/net/ipv4/ip_local_port_range")
        && int.TryParse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var first)
            ? first : 32_768;
}
