using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.TestSupport;

namespace GamesDrop.Notifier.Tests.Features.Suppliers;

/// <summary>Supplier alerts from events delivered as daprd delivers them: CloudEvents, each possibly twice.</summary>
public sealed class SupplierAlertsTests : IAsyncLifetime
{
    private NotifierStore _store = null!;

    public async Task InitializeAsync() => _store = await NotifierStore.StartAsync(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_circuit_opening_and_closing_and_a_failed_sync_each_send_one_escaped_telegram_message_with_the_supplier_link()
    {
        var at = DateTimeOffset.UtcNow;

        await _store.DeliverTwiceAsync("/notifier/alerts/supplier-circuit-changed", Topics.SupplierCircuitChanged, new SupplierCircuitChanged("kinguin", true, at));
        await _store.DeliverTwiceAsync("/notifier/alerts/supplier-circuit-changed", Topics.SupplierCircuitChanged, new SupplierCircuitChanged("kinguin", false, at));
        await _store.DeliverTwiceAsync("/notifier/alerts/supplier-sync-failed", Topics.SupplierSyncFailed,
            new SupplierSyncFailed("digiflazz", 42, "Digiflazz answered 503 <Service Unavailable> & gave up", at));

        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("telegram")).GetValueOrDefault("sent") == 3, TimeSpan.FromSeconds(60)))
            .Should().BeTrue("every alert is sent");
        (await _store.TelegramTextsAsync()).Should().BeEquivalentTo(
            "🔌 kinguin circuit opened\nCalls to it fail fast; its offers show as temporarily unavailable.\nOpen the supplier",
            "✅ kinguin circuit closed\nCalls to it go through again.\nOpen the supplier",
            "🔄 Sync of digiflazz failed (run 42)\nDigiflazz answered 503 <Service Unavailable> & gave up\nOpen the supplier");
        var sent = await _store.Sandbox.TelegramMessagesAsync();
        sent.Single(m => m.GetProperty("text").GetString()!.StartsWith("✅", StringComparison.Ordinal)).GetProperty("html").GetString()
            .Should().Contain("<a href=\"https://shop.example/admin/suppliers/kinguin\">Open the supplier</a>");
        sent.Single(m => m.GetProperty("text").GetString()!.StartsWith("🔄", StringComparison.Ordinal)).GetProperty("html").GetString()
            .Should().Contain("503 &lt;Service Unavailable&gt; &amp; gave up")
            .And.Contain("<a href=\"https://shop.example/admin/suppliers/digiflazz\">");
        (await _store.DeliveriesAsync("telegram")).Should().Equal(new Dictionary<string, int> { ["sent"] = 3 });
    }
}
