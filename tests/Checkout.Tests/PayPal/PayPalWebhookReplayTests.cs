using System.Net;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.Checkout.PayPal;
using GamesDrop.TestSupport;

namespace GamesDrop.Checkout.Tests.PayPal;

/// <summary>Genuine PayPal pushes, captured on their way and sent to the store again, as someone who saw one could.</summary>
public sealed class PayPalWebhookReplayTests
{
    [Fact]
    public async Task A_genuine_push_sent_twice_is_acted_on_once()
    {
        await using var paypal = await PayPalSandbox.StartAsync();
        await using var store = await EmbeddedApp.StartAsync(paypal.Host.StoreSettings());
        var push = await CapturePushAsync(paypal);

        var first = await SendAsync(store, push);
        var again = await SendAsync(store, push);

        (first, again).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK), "a repeat is acknowledged, or PayPal would retry it for days");
        store.Logs.Events.Count(e => e.MessageTemplate.Text.EndsWith("was already handled", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task A_genuine_approval_of_an_order_this_store_never_started_is_acknowledged()
    {
        await using var paypal = await PayPalSandbox.StartAsync();
        await using var store = await EmbeddedApp.StartAsync(paypal.Host.StoreSettings());
        var push = await ApprovalPushAsync(paypal);

        var answer = await SendAsync(store, push);

        answer.Should().Be(HttpStatusCode.OK, "an error would have PayPal retry it for days");
    }

    [Fact]
    public async Task A_genuine_push_older_than_the_store_remembers_is_refused()
    {
        await using var paypal = await PayPalSandbox.StartAsync(new ShiftedClock(-(WebhookReplays.RememberFor + TimeSpan.FromHours(1))));
        await using var store = await EmbeddedApp.StartAsync(paypal.Host.StoreSettings());
        var push = await ApprovalPushAsync(paypal);
        (await paypal.Client().VerifyWebhookSignatureAsync(Headers(push), push.Text, SandboxHost.PayPalWebhookId)).Should().BeTrue("it is PayPal's own push");

        var answer = await SendAsync(store, push);

        answer.Should().Be(HttpStatusCode.Unauthorized);
        store.Logs.AllText.Should().Contain("transmission time is missing or too old");
    }

    private static async Task<ReceivedWebhook> ApprovalPushAsync(PayPalSandbox paypal) =>
        await PushAsync(paypal, "CHECKOUT.ORDER.APPROVED", capture: false);

    // A capture push: the store records it and does nothing else, so a repeat shows only in whether it was recognised.
    private static async Task<ReceivedWebhook> CapturePushAsync(PayPalSandbox paypal) =>
        await PushAsync(paypal, "PAYMENT.CAPTURE.COMPLETED", capture: true);

    private static async Task<ReceivedWebhook> PushAsync(PayPalSandbox paypal, string eventType, bool capture)
    {
        var orderId = Guid.NewGuid();
        var client = paypal.Client();
        var created = await client.CreateOrderAsync(orderId, "GD-" + orderId.ToString("N")[..8], 9.99m, "EUR",
            "https://store.test/checkout/return", "https://store.test/checkout/cancel", "Elden Ring (Steam)", authorizeOnly: false);
        await paypal.ApproveAsync(created.Id);
        if (capture)
        {
            await client.CaptureOrderAsync(created.Id, orderId);
        }
        return (await paypal.Webhooks.WaitForAsync(w => w.Text.Contains(eventType, StringComparison.Ordinal))).Single();
    }

    private static async Task<HttpStatusCode> SendAsync(EmbeddedApp store, ReceivedWebhook push)
    {
        using var client = store.PublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/api/webhooks/paypal") { Content = new ByteArrayContent(push.Body) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in push.Headers.Where(h => h.Key.StartsWith("PAYPAL-", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.Add(name, value);
        }
        return (await client.SendAsync(request)).StatusCode;
    }

    private static Microsoft.AspNetCore.Http.HeaderDictionary Headers(ReceivedWebhook push) =>
        new(push.Headers.ToDictionary(h => h.Key, h => new Microsoft.Extensions.Primitives.StringValues(h.Value), StringComparer.OrdinalIgnoreCase));

    /// <summary>A partner's clock set back: its timers still run on real time.</summary>
    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
    }
}
