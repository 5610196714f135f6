using System.Net;
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

    private EmbeddedApp(TestDatabase database) => _database = database;

    public LogCapture Logs { get; } = new();
    public Uri BaseUri { get; private set; } = null!;
    public string DatabaseConnectionString => _database.ConnectionString;

    public static async Task<EmbeddedApp> StartAsync()
    {
        var app = new EmbeddedApp(await TestDatabase.CreateAsync());
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseUri = new Uri(address);
        return app;
    }

    /// <summary>A client as a browser or outside caller would be: no app token.</summary>
    public HttpClient PublicClient() => new() { BaseAddress = BaseUri };

    /// <summary>A client as another GamesDrop app would be: it presents the app token.</summary>
    public HttpClient InternalClient()
    {
        var client = PublicClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", _database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", TestEnvironment.Redis);
        builder.UseSetting("APP_API_TOKEN", AppToken);
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
