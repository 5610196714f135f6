using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Checkout.PayPal;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace GamesDrop.Checkout.Tests.PayPal;

/// <summary>The PayPal simulator with a webhook receiver, and <see cref="PayPalClient"/>s wired to it by hand, counting token calls.</summary>
public sealed class PayPalSandbox : IAsyncDisposable
{
    private PayPalSandbox(SandboxHost host, WebhookReceiver webhooks)
    {
        Host = host;
        Webhooks = webhooks;
    }

    public SandboxHost Host { get; }

    public WebhookReceiver Webhooks { get; }

    public int TokenCalls => _tokenCalls;

    private int _tokenCalls;

    /// <param name="clock">PayPal's clock, when a test needs its pushes signed at another time.</param>
    public static async Task<PayPalSandbox> StartAsync(TimeProvider? clock = null)
    {
        var webhooks = await WebhookReceiver.StartAsync();
        return new PayPalSandbox(
            SandboxHost.Start(settings: new Dictionary<string, string?> { ["Sandbox:PayPal:WebhookUrl"] = webhooks.Url("/paypal") }, clock: clock), webhooks);
    }

    /// <param name="tokens">Share one to see the token reused across clients, as the app's singleton is.</param>
    public PayPalClient Client(PayPalTokenCache? tokens = null, string clientSecret = SandboxHost.PayPalClientSecret)
    {
        var http = new HttpClient(new TokenCounter(this) { InnerHandler = new HttpClientHandler() }) { BaseAddress = Host.PayPalApi };
        var secrets = new FixedSecrets(new()
        {
            [PayPalClient.ClientIdSecret] = SandboxHost.PayPalClientId,
            [PayPalClient.ClientSecretSecret] = clientSecret,
        });
        return new PayPalClient(http, secrets, tokens ?? new PayPalTokenCache(TimeProvider.System), NullLogger<PayPalClient>.Instance);
    }

    /// <summary>What the approval page's Approve button posts; the 303 to the store's return URL is not followed.</summary>
    public async Task ApproveAsync(string payPalOrderId)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Host.PayPalApi };
        using var response = await browser.PostAsync("checkoutnow",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = payPalOrderId, ["action"] = "approve" }));
        ((int)response.StatusCode).Should().Be(303);
    }

    public async Task SetFaultsAsync(object settings)
    {
        using var admin = Host.Admin();
        (await admin.PutAsJsonAsync("_sandbox/faults/paypal", settings)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Webhooks.DisposeAsync();
    }

    private sealed class TokenCounter(PayPalSandbox sandbox) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/v1/oauth2/token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref sandbox._tokenCalls);
            }
            return base.SendAsync(request, ct);
        }
    }

    private sealed class FixedSecrets(Dictionary<string, string> values) : ISecretStore
    {
        // As daprd: an unknown name is an error.
        public Task<string> GetAsync(string name, CancellationToken ct = default) =>
            values.TryGetValue(name, out var value) ? Task.FromResult(value) : Task.FromException<string>(new SecretUnavailableException(name));
    }
}
