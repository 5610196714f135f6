using GamesDrop.TestSupport;

namespace GamesDrop.Sandbox.Tests.Infrastructure;

/// <summary>A fresh sandbox per test, since its state lives in memory; with a webhook receiver when the test watches pushes.</summary>
public abstract class SandboxTest(bool webhooks = false) : IAsyncLifetime
{
    private WebhookReceiver? _receiver;

    protected SandboxApplication Sandbox { get; private set; } = null!;

    protected WebhookReceiver Webhooks => _receiver ?? throw new InvalidOperationException("This test class started without webhooks.");

    public async Task InitializeAsync()
    {
        _receiver = webhooks ? await WebhookReceiver.StartAsync() : null;
        Sandbox = new SandboxApplication(receiver: _receiver);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}
