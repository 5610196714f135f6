using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Checkout.Tests.Workflows;

/// <summary>
/// A delivered key never revealed is refunded to PayPal in one click, once, however often the buyer clicks or PayPal
/// repeats its webhook, and goes back to stock to be sold again; a revealed key is not.
/// </summary>
public sealed class OneClickRefundTests(CheckoutStoreFixture fixture) : IClassFixture<CheckoutStoreFixture>
{
    private CheckoutStore Shop => fixture.Store;

    [Fact]
    public async Task An_unrevealed_key_is_refunded_to_PayPal_once_despite_repeat_clicks_and_duplicate_webhooks_and_goes_back_to_stock()
    {
        await Shop.SetFaultsAsync("paypal", new { duplicateWebhooks = true });
        var order = await Shop.PayAsync((await Shop.PlaceAsync(await Shop.SharedProductAsync(30), email: "refund.me@example.com")).OrderId);
        var line = order.Lines.Single();
        var keys = await KeysAsync(line.LineId);
        using var checkout = Shop.Store.InternalClient();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => checkout.PostAsJsonAsync("/checkout/refunds", new RequestRefund(order.OrderId, line.LineId))));
        var again = await checkout.PostAsJsonAsync("/checkout/refunds", new RequestRefund(order.OrderId, line.LineId));
        (await Eventually.HoldsAsync(() => Task.FromResult(WebhookLines("PAYMENT.CAPTURE.REFUNDED") >= 2), CheckoutStore.Patience))
            .Should().BeTrue("PayPal's refund webhook arrives, twice");

        clicks.Append(again).Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var refunds = await Shop.QueryAsync<RefundRow>("SELECT refund_id AS RefundId, amount AS Amount FROM refunds WHERE order_id = @OrderId", new { order.OrderId });
        refunds.Should().ContainSingle().Which.Amount.Should().Be(line.UnitPrice);
        var capture = await CaptureAsync(order.Payment!.CaptureId!);
        capture.GetProperty("status").GetString().Should().Be("REFUNDED");
        var after = await Shop.WaitAsync(order.OrderId, o => o.Status == OrderStatuses.Refunded);
        after.Payment!.RefundedAmount.Should().Be(line.UnitPrice);
        (await Shop.QueryAsync<string>("SELECT status FROM product_keys WHERE id = ANY (@Keys)", new { Keys = keys.ToArray() }))
            .Should().AllBe("available", "the key is back in stock, to be sold again");
        (await Shop.QueryAsync<string>("SELECT step FROM order_events WHERE order_id = @OrderId ORDER BY id", new { order.OrderId }))
            .Should().ContainInOrder("completed", "refund-requested", "refunded");
        (await Shop.QueryAsync<string>("SELECT topic FROM messaging.outbox WHERE data->>'orderId' = @OrderId AND topic = 'order-refunded'",
            new { OrderId = order.OrderId.ToString() })).Should().ContainSingle();
        await Shop.SetFaultsAsync("paypal", new { });
    }

    [Fact]
    public async Task A_revealed_key_cannot_be_refunded_in_one_click()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(31), email: "revealed@example.com");
        var order = await Shop.PayAsync(placed.OrderId);
        var line = order.Lines.Single();
        using var store = Shop.Store.InternalClient();
        var keyId = (await KeysAsync(line.LineId)).First();
        (await store.PostAsync($"/kernel/receipts/{placed.ReceiptToken}/keys/{keyId}/reveal", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refund = await store.PostAsJsonAsync("/checkout/refunds", new RequestRefund(order.OrderId, line.LineId));

        refund.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().StartWith("This key was revealed");
        (await Shop.QueryAsync<long>("SELECT count(*) FROM refunds WHERE order_id = @OrderId", new { order.OrderId })).Single().Should().Be(0);
        (await CaptureAsync(order.Payment!.CaptureId!)).GetProperty("status").GetString().Should().Be("COMPLETED");
    }

    [Fact]
    public async Task A_key_being_refunded_can_no_longer_be_revealed()
    {
        var placed = await Shop.PlaceAsync(await Shop.SharedProductAsync(32), email: "refund.then.reveal@example.com");
        var order = await Shop.PayAsync(placed.OrderId);
        var line = order.Lines.Single();
        var keyId = (await KeysAsync(line.LineId)).First();
        using var kernel = Shop.Store.InternalClient();

        (await kernel.PostAsync($"/kernel/orders/{order.OrderId}/lines/{line.LineId}/one-click-refund", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var reveal = await kernel.PostAsync($"/kernel/receipts/{placed.ReceiptToken}/keys/{keyId}/reveal", null);

        reveal.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<IReadOnlyList<long>> KeysAsync(long lineId) =>
        await Shop.QueryAsync<long>("SELECT id FROM product_keys WHERE order_line_id = @LineId ORDER BY id", new { LineId = lineId });

    private int WebhookLines(string eventType) =>
        Shop.Store.Logs.AllText.Split('\n').Count(l => l.Contains("PayPal webhook") && l.Contains(eventType));

    private async Task<JsonElement> CaptureAsync(string captureId)
    {
        using var paypal = await Shop.PayPalClientAsync();
        return await paypal.GetFromJsonAsync<JsonElement>($"v2/payments/captures/{captureId}");
    }

    private sealed record RefundRow(string RefundId, decimal Amount);
}
