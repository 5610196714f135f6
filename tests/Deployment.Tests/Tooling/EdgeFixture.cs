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
        _server = await EmbeddedApp.StartAsync();
        var address = _server.BaseUri.ToString().TrimEnd('/');
        // The Embedded host serves the BFF under /bff; the Swarm points BFF_URL at the bff service's root.
        _nginx = await Nginx.PrepareAsync($"{address}/bff", address);
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
