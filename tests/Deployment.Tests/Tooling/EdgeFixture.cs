using GamesDrop.AppTesting;
using GamesDrop.Deployment.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>One Embedded host and one nginx in front of it, shared by the edge tests.</summary>
public sealed class EdgeFixture : IAsyncLifetime
{
    /// <summary>A storefront page (WEB_URL is the host's root here): it sends its own policy, as apps/web/proxy.ts does.</summary>
    public const string PagePath = "/storefront-page";
    public const string PagePolicy = "default-src 'self'; script-src 'self' 'nonce-ZWRnZS10ZXN0' 'strict-dynamic'";

    private EmbeddedApp? _server;
    private Nginx? _nginx;

    public Nginx Nginx => _nginx!;

    public async Task InitializeAsync()
    {
        // Kinguin switched on (no API behind it), so its webhook answers for itself rather than 404.
        _server = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
        {
            ["Suppliers:Kinguin:Enabled"] = "true",
            ["Secrets:kinguin-webhook-secret"] = "edge-test-secret",
        }, services: services => services.AddSingleton<IStartupFilter, StorefrontPage>());
        var address = _server.BaseUri.ToString().TrimEnd('/');
        // The Embedded host serves each app under /<app id>; the Swarm points BFF_URL and SUPPLIERS_URL at the services' roots.
        _nginx = await Nginx.PrepareAsync($"{address}/bff", $"{address}/suppliers", address);
        await _nginx.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // Also after a failed start, so nothing is left running.
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private sealed class StorefrontPage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(PagePath, page => page.Run(context =>
            {
                context.Response.Headers.ContentSecurityPolicy = PagePolicy;
                return context.Response.WriteAsync("<!doctype html><title>page</title>");
            }));
            next(app);
        };
    }
}
