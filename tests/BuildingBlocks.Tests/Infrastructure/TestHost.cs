using System.Collections.Concurrent;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Embedded.Runtime;
using GamesDrop.ServiceDefaults;
using GamesDrop.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace GamesDrop.BuildingBlocks.Tests.Infrastructure;

/// <summary>What a subscriber endpoint saw on the wire, before Dapr's CloudEvents middleware unwrapped it.</summary>
public sealed record RawRequest(string Path, string? ContentType, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real host on a loopback port with the building blocks of one profile, real PostgreSQL and Redis,
/// a components folder of the test's own, and whatever endpoints the test maps.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AppToken = "test-app-token";
    public const string HostId = "test-host";

    private TestHost(WebApplication app, LogCapture logs)
    {
        App = app;
        Logs = logs;
    }

    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public LogCapture Logs { get; }
    public ConcurrentQueue<RawRequest> RawRequests { get; } = new();
    public HttpClient Client { get; private set; } = null!;

    public static async Task<TestHost> StartAsync(
        TestDatabase database,
        Action<WebApplication> map,
        string componentsFolder,
        RuntimeProfile profile = RuntimeProfile.Embedded,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string[]? hostedApps = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestEnvironment.Redis,
            ["APP_API_TOKEN"] = AppToken,
            ["GamesDrop:ComponentsPath"] = componentsFolder,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddServiceDefaults(HostId);
        var identity = new HostIdentity(HostId, profile, hostedApps ?? ["orders", "notifier"]);
        if (profile == RuntimeProfile.Embedded)
        {
            builder.AddEmbeddedBuildingBlocks(identity);
        }
        else
        {
            builder.AddBuildingBlocks(identity);
        }
        services?.Invoke(builder.Services);
        var logs = new LogCapture();
        builder.Services.AddSingleton<ILogEventSink>(logs);
        var app = builder.Build();
        var host = new TestHost(app, logs);
        app.Use(async (http, next) =>
        {
            http.Request.EnableBuffering();
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            http.Request.Body.Position = 0;
            host.RawRequests.Enqueue(new RawRequest(http.Request.Path, http.Request.ContentType,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            await next(http);
        });
        app.UseServiceDefaults();
        map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Client = new HttpClient { BaseAddress = new Uri(address) };
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
