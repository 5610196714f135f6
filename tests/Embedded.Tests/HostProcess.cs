using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.AppTesting;
using GamesDrop.TestSupport;

namespace GamesDrop.Embedded.Tests;

/// <summary>
/// The Embedded host as a process of its own (the built <c>Embedded.dll</c>, as ./run.sh runs it), so a test can kill it with
/// SIGKILL, which no in-process host can suffer, and start another on the same database, port and settings.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private HostProcess(int port, Dictionary<string, string> environment)
    {
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _environment = environment;
    }

    public Uri BaseUri { get; }

    /// <summary>Starts the host on <paramref name="port"/> with <paramref name="settings"/> (configuration keys) and waits until it is ready.</summary>
    public static async Task<HostProcess> StartAsync(int port, string database, SmtpSink mail, IDictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["GamesDrop:ComponentsPath"] = Path.Combine(TestEnvironment.RepoRoot, "components"),
            ["ConnectionStrings:Postgres"] = database,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["APP_API_TOKEN"] = EmbeddedApp.AppToken,
            ["Secrets:key-vault-key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Secrets:cart-csrf-key"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
            ["Secrets:notifier-data-key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };
        var host = new HostProcess(port, values.Where(v => v.Value is not null).ToDictionary(v => v.Key.Replace(":", "__"), v => v.Value!));
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts the host again after a kill, on the same database, port, keys and settings.</summary>
    public async Task StartAsync()
    {
        Launch();
        using var client = Client();
        var ready = await Eventually.HoldsAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("bff/health/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(2));
        ready.Should().BeTrue("the host starts; its last output:\n" + LastOutput);
    }

    /// <summary>The host's last 50 lines of output, which explain a host that never became ready or never got to work.</summary>
    public string LastOutput => string.Join('\n', _output);

    /// <summary>Starts the process without waiting for it to be ready: its background work begins before readiness does.</summary>
    public void Launch()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Embedded.dll")])
        {
            WorkingDirectory = TestEnvironment.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        // Read, or the host blocks on a full pipe; the last lines explain a host that never became ready.
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is handed back.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>A client as another GamesDrop app would be: it presents the token of the app it calls.</summary>
    public HttpClient Client() => new(new AppTokenClientHandler(EmbeddedApp.AppToken, new SocketsHttpHandler())) { BaseAddress = BaseUri };

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 50 && _output.TryDequeue(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync();
        }
    }
}
