using System.Net;
using System.Security.Cryptography;
using GamesDrop.Embedded.Runtime.Hosting;
using GamesDrop.Embedded;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace GamesDrop.AppTesting;

/// <summary>
/// The whole store in the Embedded profile, on a real loopback port with a fresh PostgreSQL database and
/// the Redis server of test.sh, exactly as ./run.sh starts it.
/// </summary>
public sealed class EmbeddedApp : WebApplicationFactory<IEmbeddedHostMarker>
{
    public const string AppToken = "embedded-test-app-token";

    private readonly TestDatabase _database;
    private bool _ownsDatabase;
    private bool _ownsMail;
    private readonly IDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private EmbeddedApp(TestDatabase database, bool ownsDatabase, SmtpSink mail, IDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _services = services;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Mail = mail;
        _ownsMail = true;
        _settings = settings;
    }

    /// <summary>The SMTP server the store's mails go to; it outlives restarts.</summary>
    public SmtpSink Mail { get; }

    public LogCapture Logs { get; } = new();
    public Uri BaseUri { get; private set; } = null!;
    public string DatabaseConnectionString => _database.ConnectionString;

    /// <summary>
    /// Starts the store with extra <paramref name="settings"/>, on <paramref name="port"/> (0: any free one), with
    /// <paramref name="services"/> added last (a test's own exporter, say).
    /// </summary>
    public static async Task<EmbeddedApp> StartAsync(IDictionary<string, string?>? settings = null, int port = 0, Action<IServiceCollection>? services = null) =>
        Start(await TestDatabase.CreateAsync(), ownsDatabase: true, SmtpSink.Start(), settings, port, services);

    /// <summary>
    /// Stops <paramref name="previous"/> as a crashed or redeployed host would and starts another on its database, port and
    /// settings, as a restart of ./run.sh does; <paramref name="changed"/> settings, if any, as an operator's edit before it.
    /// </summary>
    public static async Task<EmbeddedApp> RestartAsync(EmbeddedApp previous, IDictionary<string, string?>? changed = null)
    {
        var port = previous.BaseUri.Port;
        var owns = previous._ownsDatabase;
        previous._ownsDatabase = false;
        previous._ownsMail = false;
        await previous.DisposeAsync();
        var settings = new Dictionary<string, string?>(previous._settings);
        foreach (var (key, value) in changed ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return Start(previous._database, owns, previous.Mail, settings, port, previous._services);
    }

    private static EmbeddedApp Start(
        TestDatabase database, bool ownsDatabase, SmtpSink mail, IDictionary<string, string?>? settings, int port, Action<IServiceCollection>? services)
    {
        settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        // Data keys per database, as run.sh makes them once per machine and a restart keeps them; a test may set its own.
        settings.TryAdd("Secrets:key-vault-key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        settings.TryAdd("Secrets:cart-csrf-key", Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        settings.TryAdd("Secrets:notifier-data-key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        settings.TryAdd("Smtp:Host", "127.0.0.1");
        settings.TryAdd("Smtp:Port", mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        settings.TryAdd("Smtp:Security", "None");
        // Failed notifications come back within seconds, not minutes, so recovery shows quickly.
        settings.TryAdd("Notifier:Delivery:FirstRetry", "00:00:00.200");
        settings.TryAdd("Notifier:Delivery:MaxRetry", "00:00:02");
        settings.TryAdd("Notifier:Delivery:PollInterval", "00:00:00.200");
        var app = new EmbeddedApp(database, ownsDatabase, mail, settings, services);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseUri = new Uri(address);
        return app;
    }

    /// <summary>A client as a browser or outside caller would be: no app token.</summary>
    public HttpClient PublicClient() => new() { BaseAddress = BaseUri };

    /// <summary>A client as another GamesDrop app would be: it presents the token of the app it calls.</summary>
    public HttpClient InternalClient() => new(new AppTokenClientHandler(AppToken, new SocketsHttpHandler())) { BaseAddress = BaseUri };

    /// <summary>
    /// Sends <paramref name="json"/>, padded past the 1 MiB body limit, with Expect: 100-continue, so the server's 413
    /// comes before the body is sent instead of as a broken pipe halfway through it on a loaded machine.
    /// </summary>
    public async Task<HttpResponseMessage> SendOversizedAsync(HttpMethod method, string path, bool asApp = false)
    {
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = BaseUri };
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent("{\"pad\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        if (asApp)
        {
            request.Headers.Add("dapr-api-token", AppTokenClientHandler.TokenFor(AppToken, path));
        }
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", TestEnvironment.Redis);
        builder.UseSetting("APP_API_TOKEN", AppToken);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            _services?.Invoke(services);
        });
    }

    /// <summary>A loopback port free right now, for a server whose address others must know before it starts.</summary>
    public static int FreePort() => TestEnvironment.FreePort();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsMail)
        {
            Mail.Dispose();
        }
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
