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

    /// <summary>A loopback port free right now, for a server whose address others must know before it starts.</summary>
    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
