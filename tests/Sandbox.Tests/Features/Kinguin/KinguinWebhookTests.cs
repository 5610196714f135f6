using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Kinguin;

public sealed class KinguinWebhookTests() : SandboxTest(webhooks: true)
{
    [Fact]
    public async Task Price_change_pushes_product_update_with_the_secret_verbatim()
    {
        var product = await KinguinCatalog.InStockAsync(Sandbox.Kinguin());
        var kinguinId = product.GetProperty("kinguinId").GetInt32();

        using var change = await Sandbox.Admin().PostAsJsonAsync($"/_sandbox/kinguin/products/{kinguinId}/change", new { price = 0.99m, qty = 7 });
        var push = (await Webhooks.WaitForAsync(w => w.Headers["X-Event-Name"] == "product.update")).Single();

        push.Path.Should().Be("/kinguin");
        push.Headers["X-Event-Secret"].Should().Be(SandboxApplication.KinguinSecret);
        push.Headers["Content-Type"].Should().StartWith("application/json");
        using var body = JsonDocument.Parse(push.Body);
        body.RootElement.GetProperty("kinguinId").GetInt32().Should().Be(kinguinId);
        body.RootElement.GetProperty("productId").GetString().Should().Be(product.GetProperty("productId").GetString());
        body.RootElement.GetProperty("price").GetDecimal().Should().Be(0.99m);
        body.RootElement.GetProperty("qty").GetInt32().Should().Be(7);
        body.RootElement.GetProperty("cheapestOfferId").GetArrayLength().Should().Be(1);
        body.RootElement.GetProperty("updatedAt").GetDateTimeOffset().Should().BeCloseTo(Sandbox.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Stale_and_duplicate_replays_resend_older_and_same_updatedAt()
    {
        var kinguinId = (await KinguinCatalog.InStockAsync(Sandbox.Kinguin())).GetProperty("kinguinId").GetInt32();
        var admin = Sandbox.Admin();
        using var change = await admin.PostAsJsonAsync($"/_sandbox/kinguin/products/{kinguinId}/change", new { price = 5m });
        await Webhooks.WaitForAsync(_ => true);

        using var duplicate = await admin.PostAsJsonAsync("/_sandbox/kinguin/webhooks/replay", new { @event = "product.update", id = $"{kinguinId}", mode = "duplicate" });
        using var stale = await admin.PostAsJsonAsync("/_sandbox/kinguin/webhooks/replay", new { @event = "product.update", id = $"{kinguinId}", mode = "stale" });
        var pushes = await Webhooks.WaitForAsync(_ => true, count: 3);

        var stamps = pushes.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("updatedAt").GetDateTimeOffset()).ToList();
        stamps.Distinct().Should().HaveCount(2, "the duplicate repeats the change exactly");
        stamps.Min().Should().BeBefore(stamps.Max(), "the stale push carries the state before the change");
    }

    [Fact]
    public async Task Completed_order_pushes_order_status_and_a_failing_receiver_gets_retries()
    {
        var kinguin = Sandbox.Kinguin();
        var product = await KinguinCatalog.InStockAsync(kinguin);
        using var placed = await KinguinCatalog.OrderAsync(kinguin, product, qty: 1, externalId: "store-7");
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString();
        await Webhooks.WaitForAsync(w => w.Headers["X-Event-Name"] == "product.update");
        Webhooks.FailNext = 2;

        Sandbox.Clock.Advance(TimeSpan.FromSeconds(10));
        var pushes = await Webhooks.WaitForAsync(w => w.Headers["X-Event-Name"] == "order.status", count: 3);

        pushes.Should().HaveCount(3, "two failed tries and the one answered 204");
        using var body = JsonDocument.Parse(pushes[^1].Body);
        body.RootElement.GetProperty("orderId").GetString().Should().Be(orderId);
        body.RootElement.GetProperty("orderExternalId").GetString().Should().Be("store-7");
        body.RootElement.GetProperty("status").GetString().Should().Be("completed");
        var log = await Sandbox.Admin().GetJsonAsync("/_sandbox/webhooks");
        log.EnumerateArray().Should().Contain(d => d.GetProperty("event").GetString() == "order.status"
            && d.GetProperty("delivered").GetBoolean() && d.GetProperty("attempts").GetInt32() == 3);
    }
}
