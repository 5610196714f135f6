using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Orders;

public sealed class ReservationTests : OrdersTest
{
    private Task<long> KeysAsync(string status) =>
        App.ScalarAsync<long>("SELECT count(*) FROM product_keys WHERE status = @Status", new { Status = status });

    [Fact]
    public async Task Reserving_and_releasing_twice_holds_and_frees_the_stock_once()
    {
        await Client.AddStockAsync(OrderData.Elden, "KEY-1", "KEY-2", "KEY-3");
        var created = await Client.CreateOrderAsync(null, (OrderData.Elden, 2));

        var first = await Client.ReserveAsync(created.OrderId);
        var again = await Client.ReserveAsync(created.OrderId);
        var reserved = await Client.GetOrderAsync(created.OrderId);
        var release = new ReleaseOrder(OrderStatuses.Cancelled, "buyer cancelled");
        var released = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{created.OrderId}/release", release);
        var releasedAgain = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{created.OrderId}/release", release);

        (first, again).Should().Be((new ReserveResult(true), new ReserveResult(true)));
        (reserved.Status, reserved.Lines.Single().ReservedStock).Should().Be((OrderStatuses.Reserved, 2));
        (released.Status, released.Lines.Single().ReservedStock).Should().Be((OrderStatuses.Cancelled, 0));
        releasedAgain.Should().BeEquivalentTo(released);
        (await KeysAsync("available")).Should().Be(3);
        (await App.StepsAsync(created.OrderId)).Should().Equal("created", "reserved", "cancelled");
        (await Client.ReserveAsync(created.OrderId)).Should().Be(new ReserveResult(false, "The order is cancelled."));
    }

    [Fact]
    public async Task Without_stock_or_an_affordable_supplier_offer_nothing_stays_held()
    {
        await Client.AddStockAsync(OrderData.Elden, "KEY-1", "KEY-2");
        var created = await Client.CreateOrderAsync(null, (OrderData.Elden, 3));
        await Client.PostAsJsonAsync("/kernel/catalog/offers/changes", new OfferChange("kinguin", "k-1", 15m, null, null, null, Noon.AddHours(1)));

        var result = await Client.ReserveAsync(created.OrderId);

        result.Reserved.Should().BeFalse();
        result.Reason.Should().Contain(OrderData.Elden);
        (await KeysAsync("available")).Should().Be(2);
        (await Client.GetOrderAsync(created.OrderId)).Status.Should().Be(OrderStatuses.Pending);
    }

    [Fact]
    public async Task Stock_short_of_the_quantity_is_topped_up_by_an_affordable_supplier_offer()
    {
        await Client.AddStockAsync(OrderData.Elden, "KEY-1");
        var created = await Client.CreateOrderAsync(null, (OrderData.Elden, 3));

        var result = await Client.ReserveAsync(created.OrderId);

        result.Reserved.Should().BeTrue();
        (await Client.GetOrderAsync(created.OrderId)).Lines.Single().ReservedStock.Should().Be(1);
    }

    [Fact]
    public async Task Two_hundred_buyers_for_twenty_keys_get_each_key_once()
    {
        await Client.AddStockAsync(OrderData.Elden, Enumerable.Range(1, 20).Select(i => $"KEY-{i:000}").ToArray());
        var orders = new List<CreatedOrder>();
        for (var i = 0; i < 200; i++)
        {
            orders.Add(await Client.CreateOrderAsync());
        }

        var results = await Task.WhenAll(orders.Select(o => Client.ReserveAsync(o.OrderId)));

        results.Should().OnlyContain(r => r.Reserved, "what stock does not cover, the supplier offer does");
        var held = await App.QueryAsync<long>("SELECT order_line_id FROM product_keys WHERE status = 'reserved'");
        held.Should().HaveCount(20).And.OnlyHaveUniqueItems();
        (await KeysAsync("available")).Should().Be(0);
        var lines = (await Task.WhenAll(orders.Select(o => Client.GetOrderAsync(o.OrderId)))).SelectMany(o => o.Lines).ToList();
        lines.Count(l => l.ReservedStock == 1).Should().Be(20);
        lines.Should().OnlyContain(l => l.ReservedStock <= 1);
    }

    [Fact]
    public async Task Candidates_are_cheapest_first_with_the_most_the_lines_price_allows_in_their_currency()
    {
        await Client.RegisterSupplierAsync("digiflazz", "USD");
        await Client.RegisterSupplierAsync("gamivo");
        await Client.RegisterSupplierAsync("eneba");
        await Client.PostBatchAsync("digiflazz", null, Offer("d-1", "Elden Ring", price: 11m, currency: "USD"));
        await Client.PostBatchAsync("gamivo", null, Offer("g-1", "Elden Ring", price: 30m));
        await Client.PostBatchAsync("eneba", null, Offer("e-1", "Elden Ring", price: 10.5m));
        var created = await Client.CreateOrderAsync();
        var price = created.Lines.Single().UnitPrice;
        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/eneba", new { name = "Eneba", currency = "EUR", enabled = false });

        var candidates = await Client.GetFromJsonAsync<List<SupplierCandidate>>(
            $"/kernel/orders/{created.OrderId}/lines/{created.Lines.Single().LineId}/candidates");

        // USD is worth 0.92 EUR: 11 USD costs 10.12 EUR, more than Kinguin's 10 EUR; Gamivo's 30 EUR is above the price.
        candidates.Should().Equal(
            new SupplierCandidate("kinguin", "k-1", price, "EUR"),
            new SupplierCandidate("digiflazz", "d-1", Math.Floor(price / 0.92m * 10000) / 10000, "USD"));
    }

    [Fact]
    public async Task Uploading_stock_twice_stores_each_key_once()
    {
        var first = await Client.AddStockAsync(OrderData.Elden, "KEY-1", "KEY-2", "KEY-1");
        var second = await Client.AddStockAsync(OrderData.Hades, "KEY-2", " KEY-3 ");
        var unknown = await Client.PostAsJsonAsync("/kernel/stock/keys", new AddStockKeys("no-such-game", ["KEY-4"]));

        (first, second).Should().Be((new AddedStockKeys(2, 1), new AddedStockKeys(1, 1)));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await KeysAsync("available")).Should().Be(3);
        (await App.OutboxCountAsync(Topics.OrderCreated)).Should().Be(0);
    }

    [Fact]
    public async Task Own_stock_falling_to_the_threshold_alerts_once_per_crossing_not_per_sale()
    {
        await Client.AddStockAsync(OrderData.Elden, "KEY-1", "KEY-2", "KEY-3", "KEY-4", "KEY-5", "KEY-6", "KEY-7");
        async Task SellAsync(int quantity) => (await Client.ReserveAsync((await Client.CreateOrderAsync(null, (OrderData.Elden, quantity))).OrderId))
            .Reserved.Should().BeTrue();

        await SellAsync(1);
        var aboveThreshold = await App.OutboxCountAsync(Topics.OwnStockLow);
        await SellAsync(1);
        await SellAsync(2);
        var unpaid = await Client.CreateOrderAsync(null, (OrderData.Elden, 3));
        await Client.ReserveAsync(unpaid.OrderId);
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{unpaid.OrderId}/release", new ReleaseOrder(OrderStatuses.Expired, "not paid in time"));
        var stillLow = await App.OutboxCountAsync(Topics.OwnStockLow);
        await Client.AddStockAsync(OrderData.Elden, "KEY-8", "KEY-9", "KEY-10");
        await SellAsync(2);

        aboveThreshold.Should().Be(0, "6 keys left is above the default threshold of 5");
        stillLow.Should().Be(1, "further sales and a release back to 3 keys stay under the threshold");
        var alerts = await App.OutboxEventsAsync(Topics.OwnStockLow);
        alerts.Select(a => (a.GetProperty("slug").GetString(), a.GetProperty("available").GetInt32(), a.GetProperty("threshold").GetInt32()))
            .Should().Equal((OrderData.Elden, 5, 5), (OrderData.Elden, 4, 5));
    }
}
