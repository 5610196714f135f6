using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Notifications;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Checkout.Tests.Notifications;

/// <summary>What an order tells the outside world (ops chat, sales sheet, the buyer's mailbox), and that it never waits for it.</summary>
public sealed class CheckoutNotificationsTests
{
    [Fact]
    public async Task A_telegram_outage_does_not_hold_up_checkout_and_each_channel_gets_the_order_once_after_recovery()
    {
        await using var shop = await CheckoutStore.StartAsync();
        await shop.SetFaultsAsync("telegram", new { errorRate = 1.0, errorStatus = 503 });
        var placed = await shop.PlaceAsync(await shop.SharedProductAsync(), email: "buyer@example.com");

        var order = await shop.PayAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Completed, "checkout finishes while Telegram is down");
        (await shop.Sandbox.TelegramMessagesAsync()).Should().BeEmpty();
        (await Eventually.HoldsAsync(async () => (await UndeliveredAsync(shop)).Any(n => n.Summary == $"Paid order {placed.Number}" && n.Attempts >= 1),
            CheckoutStore.Patience)).Should().BeTrue("the alert was tried and is waiting");

        await shop.SetFaultsAsync("telegram", new { });

        (await Eventually.HoldsAsync(async () => (await shop.Sandbox.TelegramMessagesAsync()).Count >= 1, TimeSpan.FromSeconds(180)))
            .Should().BeTrue("the alert arrives once Telegram is back");
        (await Eventually.HoldsAsync(async () => (await shop.Sandbox.SheetRowsAsync()).Count >= 1, CheckoutStore.Patience)).Should().BeTrue();
        (await Eventually.HoldsAsync(() => Task.FromResult(shop.Store.Mail.MailsTo("buyer@example.com").Count >= 1), CheckoutStore.Patience)).Should().BeTrue();

        var completedEvent = (await shop.QueryAsync<string>(
            "SELECT event_id FROM notifier.deliveries WHERE channel = 'sheets' AND summary = @Summary", new { Summary = $"Sales row for order {placed.Number}" })).Single();
        (await shop.Store.DeliverAsync("/notifier/sales/order-completed", Topics.OrderCompleted, completedEvent,
            new OrderCompleted(placed.OrderId, placed.Number, null, "buyer@example.com", 1, DateTimeOffset.UtcNow))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Eventually.HoldsAsync(async () => (await shop.QueryAsync<long>("SELECT count(*) FROM notifier.deliveries WHERE status <> 'sent'")).Single() == 0,
            CheckoutStore.Patience)).Should().BeTrue("nothing is left to send");

        (await shop.Sandbox.TelegramMessagesAsync()).Select(m => m.GetProperty("text").GetString()).Should()
            .ContainSingle(t => t!.StartsWith($"💶 Order {placed.Number} paid\n{placed.Total.ToString("0.00", CultureInfo.InvariantCulture)} EUR", StringComparison.Ordinal));
        var row = (await shop.Sandbox.SheetRowsAsync()).Should().ContainSingle().Subject.Select(c => c.ToString()).ToArray();
        row[0].Should().Be(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        row[1..4].Should().Equal(placed.Number, OrderStatuses.Completed, $"1 × {placed.Lines[0].Title}");
        var (revenue, cost, margin) = (decimal.Parse(row[4], CultureInfo.InvariantCulture), decimal.Parse(row[5], CultureInfo.InvariantCulture),
            decimal.Parse(row[6], CultureInfo.InvariantCulture));
        revenue.Should().Be(placed.Total);
        cost.Should().BePositive("the key was bought from a supplier");
        margin.Should().Be(revenue - cost);
        row[7].Should().BeOneOf("kinguin", "digiflazz");
        row[8].Should().Be("EUR");
        var receipt = shop.Store.Mail.MailsTo("buyer@example.com").Should().ContainSingle().Subject;
        receipt.Subject.Should().Be($"Your keys for order {placed.Number}");
        receipt.TextBody.Should().Contain($"1 × {placed.Lines[0].Title}");
    }

    private static async Task<IReadOnlyList<UndeliveredNotification>> UndeliveredAsync(CheckoutStore shop)
    {
        using var notifier = shop.Store.InternalClient();
        return (await notifier.GetFromJsonAsync<List<UndeliveredNotification>>("/notifier/notifications/undelivered"))!;
    }
}
