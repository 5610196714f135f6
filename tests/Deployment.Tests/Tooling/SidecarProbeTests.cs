using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>
/// deploy/docker/daprd-healthz.sh, the sidecar image's health check, run by busybox with only the applets the image
/// carries, against a stand-in daprd: a process whose command line names the HTTP port, and a loopback healthz.
/// IAsyncLifetime, not IAsyncDisposable, which this xunit does not call on a test class: the stand-in and its folder
/// outlived every test.
/// </summary>
public sealed class SidecarProbeTests : IAsyncLifetime
{
    private const int Limit = 3;
    private static readonly string[] Applets = ["sh", "wget", "timeout", "tr", "cat", "kill"];

    private readonly string _folder = Directory.CreateTempSubdirectory("gamesdrop-probe-").FullName;
    private readonly HttpListener _healthz = new();
    private readonly Process _daprd;
    private volatile HttpStatusCode _status = HttpStatusCode.NoContent;

    public SidecarProbeTests()
    {
        var port = FreePort();
        _healthz.Prefixes.Add($"http://127.0.0.1:{port}/");
        _healthz.Start();
        _ = AnswerAsync();
        // The flags stay on this process's command line, as on daprd's; like daprd it ends on SIGTERM, its child with it.
        _daprd = Process.Start(Processes.StartInfo("bash", ["-c", "trap 'kill $!; exit 143' TERM; sleep 600 & wait", "./daprd", "--app-id", "kernel", "--dapr-http-port", port.ToString()]))!;
        Directory.CreateDirectory(Path.Combine(_folder, "bin"));
        Directory.CreateDirectory(Path.Combine(_folder, "state"));
        foreach (var applet in Applets)
        {
            File.CreateSymbolicLink(Path.Combine(_folder, "bin", applet), "/usr/bin/busybox");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (!_daprd.HasExited)
        {
            _daprd.Kill(entireProcessTree: true);
        }
        await _daprd.WaitForExitAsync();
        _daprd.Dispose();
        _healthz.Close();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_ready_sidecar_is_healthy_on_the_port_of_its_command_line()
    {
        (await ProbeAsync()).ExitCode.Should().Be(0);
        _daprd.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task An_unready_sidecar_is_unhealthy_and_is_stopped_only_after_the_limit_of_misses_in_a_row()
    {
        _status = HttpStatusCode.InternalServerError;

        for (var miss = 1; miss < Limit; miss++)
        {
            (await ProbeAsync()).ExitCode.Should().Be(1);
            _daprd.HasExited.Should().BeFalse($"{miss} misses are under the limit");
        }
        (await ProbeAsync()).ExitCode.Should().Be(1);

        await _daprd.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        _daprd.ExitCode.Should().Be(128 + 15, "daprd is sent SIGTERM, so it drains before the restart policy starts a fresh one");
    }

    [Fact]
    public async Task A_ready_answer_between_misses_starts_the_count_again()
    {
        _status = HttpStatusCode.InternalServerError;
        for (var miss = 1; miss < Limit; miss++)
        {
            await ProbeAsync();
        }
        _status = HttpStatusCode.NoContent;
        (await ProbeAsync()).ExitCode.Should().Be(0);
        _status = HttpStatusCode.InternalServerError;
        for (var miss = 1; miss < Limit; miss++)
        {
            await ProbeAsync();
        }

        _daprd.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task A_sidecar_that_does_not_answer_at_all_counts_as_a_miss()
    {
        _healthz.Stop();

        (await ProbeAsync()).ExitCode.Should().Be(1);
    }

    private Task<ProcessResult> ProbeAsync() =>
        Processes.RunAsync(Path.Combine(_folder, "bin", "sh"), [Repo.Path("deploy", "docker", "daprd-healthz.sh")], new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_folder, "bin"),
            ["DAPRD_PID"] = _daprd.Id.ToString(),
            ["DAPRD_PROBE_STATE"] = Path.Combine(_folder, "state"),
            ["DAPRD_UNREADY_LIMIT"] = Limit.ToString(),
        });

    private async Task AnswerAsync()
    {
        while (_healthz.IsListening)
        {
            try
            {
                var context = await _healthz.GetContextAsync();
                context.Response.StatusCode = context.Request.Url?.AbsolutePath == "/v1.0/healthz" ? (int)_status : 404;
                context.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
