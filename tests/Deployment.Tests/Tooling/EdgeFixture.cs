using GamesDrop.AppTesting;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>One Embedded host and one nginx in front of it, shared by the edge tests.</summary>
public sealed class EdgeFixture : IAsyncLifetime
{
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
        });
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
}
