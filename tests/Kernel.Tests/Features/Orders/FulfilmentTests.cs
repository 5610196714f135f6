using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Kernel.Tests.Features.Orders;

public sealed class FulfilmentTests : OrdersTest
{
    private static readonly DateTimeOffset BoughtAt = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static DeliverKeys Delivery(string supplierOrderId, params string[] keys) =>
        new("kinguin", supplierOrderId, 9.5m, "EUR", BoughtAt, keys.Select(k => new DeliveredKey(k, "text/plain")).ToList());

    [Fact]
    public async Task Stock_then_a_supplier_fulfil_a_line_and_completing_twice_publishes_once()
    {
        await Client.AddStockAsync(OrderData.Elden, "STOCK-1");
        var order = await Client.PaidOrderAsync(null, (OrderData.Elden, 2));
        var line = $"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}";

        var fromStock = await Client.PostOkAsync<FulfilResult>($"{line}/fulfil-from-stock");
        var delivered = await Client.PostOkAsync<DeliveredKeys>($"{line}/keys", Delivery("KO-1", "SUPPLIER-1"));
        var deliveredAgain = await Client.PostOkAsync<DeliveredKeys>($"{line}/keys", Delivery("KO-1", "SUPPLIER-1"));
        var completed = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/complete");
        var completedAgain = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{order.OrderId}/complete");

        fromStock.Should().Be(new FulfilResult(false), "one of two keys came from stock");
        (delivered, deliveredAgain).Should().Be((new DeliveredKeys(true, 1, 0), new DeliveredKeys(true, 1, 0)));
        completed.Status.Should().Be(OrderStatuses.Completed);
        completedAgain.Should().BeEquivalentTo(completed);
        (await App.ScalarAsync<long>("SELECT count(*) FROM product_keys WHERE status = 'sold'")).Should().Be(2);
        var provenance = (await App.QueryAsync<(string, string, decimal, string, DateTime)>("""
            SELECT supplier_code, supplier_order_id, unit_cost, cost_currency, bought_at FROM product_keys WHERE source = 'supplier'
            """)).Single();
        provenance.Should().Be(("kinguin", "KO-1", 9.5m, "EUR", BoughtAt.UtcDateTime));
        (await App.OutboxCountAsync(Topics.OrderCompleted)).Should().Be(1);
        var completedEvent = JsonDocument.Parse(await App.ScalarAsync<string>(
            "SELECT data::text FROM messaging.outbox WHERE topic = @Topic", new { Topic = Topics.OrderCompleted })).RootElement;
        completedEvent.GetProperty("keysDelivered").GetInt32().Should().Be(2);
        (await App.StepsAsync(order.OrderId)).Should().Equal(
            "created", "reserved", "awaiting_payment", "paid", "fulfilling", "line_fulfilled", "completed");
    }

    [Fact]
    public async Task Keys_whose_cost_the_supplier_did_not_state_are_stored_without_one_and_a_currency_without_a_cost_is_refused()
    {
        var order = await Client.PaidOrderAsync();
        var line = $"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}";

        var currencyOnly = await Client.PostAsJsonAsync($"{line}/keys", Delivery("KO-9", "SUPPLIER-9") with { UnitCost = null });
        var delivered = await Client.PostOkAsync<DeliveredKeys>($"{line}/keys", Delivery("KO-9", "SUPPLIER-9") with { UnitCost = null, Currency = null });

        currencyOnly.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        delivered.Should().Be(new DeliveredKeys(true, 1, 0));
        (await App.QueryAsync<(decimal?, string?)>("SELECT unit_cost, cost_currency FROM product_keys WHERE supplier_order_id = 'KO-9'"))
            .Should().Equal([(null, null)], "an unknown cost is stored as unknown, not as free");
    }

    [Fact]
    public async Task Completion_with_every_line_refunded_is_refunded_and_with_a_failed_line_unrefunded_is_failed()
    {
        var refunded = await Client.PaidOrderAsync();
        var refundedLine = refunded.Lines.Single().LineId;
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{refunded.OrderId}/lines/{refundedLine}/failed", new FailLine("out of stock"));
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{refunded.OrderId}/refunds", new RecordRefund("REF-1", refunded.Total, "EUR", [refundedLine]));
        var failed = await Client.PaidOrderAsync();
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{failed.OrderId}/lines/{failed.Lines.Single().LineId}/failed", new FailLine("out of stock"));
        var open = await Client.PaidOrderAsync();

        var refundedDone = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{refunded.OrderId}/complete");
        var failedDone = await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{failed.OrderId}/complete");
        var openDone = await Client.PostAsync($"/kernel/orders/{open.OrderId}/complete", null);

        (refundedDone.Status, failedDone.Status).Should().Be((OrderStatuses.Refunded, OrderStatuses.Failed));
        openDone.StatusCode.Should().Be(HttpStatusCode.Conflict, "a line is still pending");
        (await App.OutboxCountAsync(Topics.OrderCompleted)).Should().Be(1);
        (await App.OutboxCountAsync(Topics.OrderFailed)).Should().Be(1);
    }

    [Fact]
    public async Task Lines_of_an_unpaid_order_are_not_fulfilled()
    {
        await Client.AddStockAsync(OrderData.Elden, "STOCK-1");
        var order = await Client.CreateOrderAsync();
        await Client.ReserveAsync(order.OrderId);

        var response = await Client.PostAsync($"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/fulfil-from-stock", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await App.ScalarAsync<long>("SELECT count(*) FROM product_keys WHERE status = 'sold'")).Should().Be(0);
    }

    [Fact]
    public async Task A_line_of_another_order_is_not_found()
    {
        var mine = await Client.PaidOrderAsync();
        var other = await Client.PaidOrderAsync();

        var response = await Client.PostAsJsonAsync($"/kernel/orders/{mine.OrderId}/lines/{other.Lines.Single().LineId}/keys", Delivery("KO-9", "K"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
