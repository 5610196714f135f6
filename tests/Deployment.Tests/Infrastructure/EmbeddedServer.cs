extern alias embedded;
using System.Net;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>
/// The real Embedded host (apps/Embedded) on Kestrel at a free loopback port, with its own database on the
/// test PostgreSQL, the test Redis and the repository's components/: what nginx fronts on a one-server shop.
/// </summary>
public sealed class EmbeddedServer : IAsyncDisposable
{
    private const string AppToken = "edge-test-app-token";

    private readonly TestDatabase _database;
    private readonly WebApplicationFactory<embedded::Program> _factory;

    private EmbeddedServer(TestDatabase database, WebApplicationFactory<embedded::Program> factory)
    {
        _database = database;
        _factory = factory;
    }

    /// <summary>The host's root, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Address => _factory.Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public static async Task<EmbeddedServer> StartAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var factory = new WebApplicationFactory<embedded::Program>().WithWebHostBuilder(host => host
            .UseSetting("ConnectionStrings:Postgres", database.ConnectionString)
            .UseSetting("ConnectionStrings:Redis", TestEnvironment.Redis)
            .UseSetting("APP_API_TOKEN", AppToken)
            .UseSetting("GamesDrop:ComponentsPath", Repo.ComponentsFolder));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new EmbeddedServer(database, factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
