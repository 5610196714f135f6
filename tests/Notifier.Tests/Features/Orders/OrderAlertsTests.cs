using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Notifier.Tests.Features.Orders;

/// <summary>Ops alerts from events delivered as daprd delivers them: CloudEvents, each possibly twice.</summary>
public sealed class OrderAlertsTests : IAsyncLifetime
{
    private NotifierStore _store = null!;

    public async Task InitializeAsync() => _store = await NotifierStore.StartAsync(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Each_event_sends_one_telegram_message_with_its_text_and_admin_link_even_when_delivered_twice()
    {
        var order = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;

        await _store.DeliverTwiceAsync("/notifier/alerts/order-paid", Topics.OrderPaid, new OrderPaid(order, "GD-1001", null, null, 24.5m, "EUR", at));
        await _store.DeliverTwiceAsync("/notifier/alerts/order-failed", Topics.OrderFailed, new OrderFailed(order, "GD-1001", "no supplier <kinguin> & \"digiflazz\" had it", at));
        await _store.DeliverTwiceAsync("/notifier/alerts/order-refunded", Topics.OrderRefunded, new OrderRefunded(order, "GD-1001", 12.25m, "EUR", at));
        await _store.DeliverTwiceAsync("/notifier/alerts/order-stuck", Topics.OrderStuck, new OrderStuck(order, "GD-1001", "paid", "restarted the workflow", at));
        await _store.DeliverTwiceAsync("/notifier/alerts/order-held", Topics.OrderHeld, new OrderHeld(order, "GD-1001", null, "a@example.com", 24.5m, "EUR",
            ["Large first order"], new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero), at));
        await _store.DeliverTwiceAsync("/notifier/alerts/supplier-balance-low", Topics.SupplierBalanceLow, new SupplierBalanceLow("kinguin", 40m, 100m, "EUR"));

        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("telegram")).GetValueOrDefault("sent") == 6, TimeSpan.FromSeconds(60)))
            .Should().BeTrue("every alert is sent; undelivered: " + string.Join("\n", _store.Store.Logs.Events.Where(e => e.Level >= Serilog.Events.LogEventLevel.Warning).Take(8).Select(e => e.RenderMessage())));
        var link = $"https://shop.example/admin/orders/{order}";
        // Each alert is sent on its own, so a retried one may arrive after later ones: which, not in which order.
        (await _store.TelegramTextsAsync()).Should().BeEquivalentTo(
            $"💶 Order GD-1001 paid\n24.50 EUR\nOpen the order",
            $"❌ Order GD-1001 failed\nno supplier <kinguin> & \"digiflazz\" had it\nOpen the order",
            $"↩️ Refund on order GD-1001\n12.25 EUR refunded\nOpen the order",
            $"⏳ Order GD-1001 stuck in paid\nrestarted the workflow\nOpen the order",
            $"🛑 Order GD-1001 held for review\n24.50 EUR, decide by 2026-12-07 09:30 UTC: Large first order\nReview the order",
            $"⚠️ Low balance at kinguin\n40.00 EUR left (alert under 100.00 EUR)\nOpen the supplier");
        var sent = await _store.Sandbox.TelegramMessagesAsync();
        sent.Should().OnlyContain(m => m.GetProperty("chatId").GetString() == SandboxHost.TelegramChatId && string.Equals(m.GetProperty("parseMode").GetString(), "HTML", StringComparison.OrdinalIgnoreCase));
        sent.Single(m => m.GetProperty("text").GetString()!.StartsWith("💶", StringComparison.Ordinal)).GetProperty("html").GetString()
            .Should().Contain($"<a href=\"{link}\">Open the order</a>");
        sent.Single(m => m.GetProperty("text").GetString()!.StartsWith("⚠️", StringComparison.Ordinal)).GetProperty("html").GetString()
            .Should().Contain("<a href=\"https://shop.example/admin/suppliers/kinguin\">");
        (await _store.DeliveriesAsync("telegram")).Should().Equal(new Dictionary<string, int> { ["sent"] = 6 });
    }

    [Fact]
    public async Task Flood_control_is_waited_out_and_the_alert_then_arrives_once()
    {
        await _store.SetFaultsAsync("telegram", new { retryAfterSeconds = 1 });

        await _store.DeliverTwiceAsync("/notifier/alerts/order-paid", Topics.OrderPaid, new OrderPaid(Guid.NewGuid(), "GD-2002", null, null, 5m, "EUR", DateTimeOffset.UtcNow));
        (await Eventually.HoldsAsync(async () => (await _store.UndeliveredAsync()).Any(n => n.LastError!.Contains("retry after 1")), TimeSpan.FromSeconds(60)))
            .Should().BeTrue("Telegram's 429 is recorded with its retry_after");
        await _store.SetFaultsAsync("telegram", new { });

        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("telegram")).GetValueOrDefault("sent") == 1, TimeSpan.FromSeconds(150)))
            .Should().BeTrue("the alert goes once Telegram accepts again");
        (await _store.TelegramTextsAsync()).Should().ContainSingle().Which.Should().StartWith("💶 Order GD-2002 paid");
    }
}
