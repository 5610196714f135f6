using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Cart;

namespace GamesDrop.Bff.Tests.Features.Checkout;

/// <summary>The buyer's one-click refund as the storefront calls it: from the receipt link or the account, never someone else's.</summary>
public sealed class OneClickRefundApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    [Fact]
    public async Task A_guest_refunds_an_unrevealed_key_from_the_receipt_link_and_a_repeat_changes_nothing()
    {
        using var guest = new Shopper(fixture.Store);
        var started = await guest.CheckoutOneProductAsync(fixture, "guest.refund@example.com");
        var receipt = await guest.PayAsync(fixture, started);
        var line = receipt.GetProperty("lines")[0];
        var lineId = line.GetProperty("lineId").GetInt64();
        var path = $"/bff/api/receipts/{started.ReceiptToken}/lines/{lineId}/refund";

        var first = await guest.Http.PostAsync(path, null);
        var repeat = await guest.Http.PostAsync(path, null);
        var after = await CheckoutFixture.ReceiptOnceAsync(guest.Http, started.ReceiptApi, "refunded");

        line.GetProperty("refundableUntil").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.UtcNow.AddDays(13));
        (first.StatusCode, repeat.StatusCode).Should().Be((HttpStatusCode.NoContent, HttpStatusCode.NoContent));
        after.GetProperty("lines")[0].GetProperty("refundableUntil").ValueKind.Should().Be(JsonValueKind.Null);
        (await fixture.Shop.QueryAsync<long>("SELECT count(*) FROM refunds WHERE order_id = @OrderId", new { started.OrderId })).Should().Be(1);
    }

    [Fact]
    public async Task Another_shoppers_order_cannot_be_refunded()
    {
        using var ann = await new Shopper(fixture.Store).SignedUpAsync("ann.keeps@example.com");
        using var bob = await new Shopper(fixture.Store).SignedUpAsync("bob.tries@example.com");
        var started = await ann.CheckoutOneProductAsync(fixture);
        var receipt = await ann.PayAsync(fixture, started);
        var lineId = receipt.GetProperty("lines")[0].GetProperty("lineId").GetInt64();

        var bobs = await bob.SendAsync(HttpMethod.Post, $"/bff/api/account/orders/{started.OrderId}/lines/{lineId}/refund");

        bobs.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Shop.QueryAsync<long>("SELECT count(*) FROM refunds WHERE order_id = @OrderId", new { started.OrderId })).Should().Be(0);
    }
}
