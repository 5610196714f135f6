using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>
/// deploy/nginx/default.conf.template rendered as the nginx image renders it (envsubst of the variables given),
/// inside a main configuration whose pid, logs, temp and cache paths live in a temporary prefix, with a
/// self-signed certificate for 127.0.0.1 and free loopback ports.
/// </summary>
public sealed partial class Nginx : IAsyncDisposable
{
    private const string Template = "deploy/nginx/default.conf.template";
    private Process? _process;

    private Nginx(string prefix, int httpPort, int httpsPort)
    {
        Prefix = prefix;
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    private string Prefix { get; }
    public int HttpPort { get; }
    public int HttpsPort { get; }
    public X509Certificate2 Certificate { get; private set; } = null!;

    public static IReadOnlySet<string> TemplateVariables => Interpolation.Names(Repo.Read(Template));

    /// <summary>The Content Security Policy the edge sends where the upstream sent none (its map's default).</summary>
    public static string ContentSecurityPolicy =>
        EdgePolicy().Match(Repo.Read(Template)) is { Success: true } match
            ? match.Groups["policy"].Value
            : throw new InvalidDataException($"{Template}: no map of $upstream_http_content_security_policy to $edge_csp.");

    /// <summary>The storefront's policy without its nonce (apps/web/lib/csp.json), as apps/web/lib/csp.ts writes it.</summary>
    public static string StorefrontPolicy() =>
        string.Join("; ", JsonSerializer.Deserialize<Dictionary<string, string[]>>(Repo.Read("apps", "web", "lib", "csp.json"))!
            .Select(d => $"{d.Key} {string.Join(' ', d.Value)}"));

    [GeneratedRegex(@"map \$upstream_http_content_security_policy \$edge_csp \{\s*""""\s+""(?<policy>[^""]+)"";")]
    private static partial Regex EdgePolicy();

    private string ConfigFile => Path.Combine(Prefix, "nginx.conf");

    public static async Task<Nginx> PrepareAsync(string bffUrl, string suppliersUrl, string webUrl)
    {
        var nginx = new Nginx(Directory.CreateTempSubdirectory("gamesdrop-nginx-").FullName, FreePort(), FreePort());
        await nginx.WriteCertificateAsync();
        nginx.WriteConfiguration(new Dictionary<string, string>
        {
            ["SERVER_NAME"] = "localhost",
            ["BFF_URL"] = bffUrl,
            ["SUPPLIERS_URL"] = suppliersUrl,
            ["WEB_URL"] = webUrl,
            ["DNS_RESOLVER"] = "127.0.0.1",
            ["TLS_CERTIFICATE"] = Path.Combine(nginx.Prefix, "tls.crt"),
            ["TLS_CERTIFICATE_KEY"] = Path.Combine(nginx.Prefix, "tls.key"),
            ["NGINX_CACHE_DIR"] = Path.Combine(nginx.Prefix, "cache"),
            ["NGINX_HTTP_PORT"] = $"127.0.0.1:{nginx.HttpPort}",
            ["NGINX_HTTPS_PORT"] = $"127.0.0.1:{nginx.HttpsPort}",
        });
        return nginx;
    }

    public Task<ProcessResult> TestConfigurationAsync() => Processes.RunAsync(Executable, Arguments("-t"));

    public async Task StartAsync()
    {
        _process = Process.Start(Processes.StartInfo(Executable, Arguments()))!;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Listening(HttpsPort))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"nginx did not start:\n{await File.ReadAllTextAsync(Path.Combine(Prefix, "error.log"))}");
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(Prefix, recursive: true);
    }

    private static string Executable => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    // Workers run as the user nginx starts as: "user root" is only allowed (and needed) when that is root.
    private string[] Arguments(params string[] extra) =>
    [
        .. extra, "-p", Prefix, "-c", ConfigFile, "-e", Path.Combine(Prefix, "error.log"),
        "-g", Environment.UserName == "root" ? "daemon off; user root;" : "daemon off;",
    ];

    private async Task WriteCertificateAsync()
    {
        var result = await Processes.RunAsync("openssl",
        [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", Path.Combine(Prefix, "tls.key"), "-out", Path.Combine(Prefix, "tls.crt"),
        ]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl failed:\n{result.Output}");
        }
        Certificate = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(Prefix, "tls.crt"));
    }

    private void WriteConfiguration(IReadOnlyDictionary<string, string> variables)
    {
        var site = Repo.Read(Template);
        foreach (var (name, value) in variables)
        {
            site = site.Replace("${" + name + "}", value);
        }
        if (Interpolation.Names(site).Count > 0)
        {
            throw new InvalidDataException($"{Template} uses variables the test does not set: {string.Join(", ", Interpolation.Names(site))}");
        }
        File.WriteAllText(Path.Combine(Prefix, "site.conf"), site);
        var temp = Directory.CreateDirectory(Path.Combine(Prefix, "temp")).FullName;
        File.WriteAllText(ConfigFile, $$"""
            worker_processes 1;
            pid {{Prefix}}/nginx.pid;
            events { worker_connections 64; }
            http {
                default_type application/octet-stream;
                access_log {{Prefix}}/access.log;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{Prefix}}/site.conf;
            }
            """);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
