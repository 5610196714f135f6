using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Notifier.Tests.Features.Stock;

public sealed class StockAlertsTests : IAsyncLifetime
{
    private NotifierStore _store = null!;

    public async Task InitializeAsync() => _store = await NotifierStore.StartAsync(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Low_own_stock_sends_one_telegram_message_with_the_product_link_even_when_delivered_twice()
    {
        await _store.DeliverTwiceAsync("/notifier/alerts/own-stock-low", Topics.OwnStockLow,
            new OwnStockLow(7, "tom-jerry-steam-global", "Tom & Jerry <Deluxe>", 3, 5, DateTimeOffset.UtcNow));

        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("telegram")).GetValueOrDefault("sent") == 1, TimeSpan.FromSeconds(60)))
            .Should().BeTrue();
        (await _store.TelegramTextsAsync()).Should().Equal("📦 Low own stock: Tom & Jerry <Deluxe>\n3 key(s) left (alert at 5 or fewer)\nOpen the product");
        (await _store.Sandbox.TelegramMessagesAsync()).Single().GetProperty("html").GetString().Should()
            .StartWith("<b>📦 Low own stock: Tom &amp; Jerry &lt;Deluxe&gt;</b>")
            .And.Contain("<a href=\"https://shop.example/admin/products/tom-jerry-steam-global\">Open the product</a>");
    }
}
