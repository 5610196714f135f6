using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Orders;

public sealed class OrdersApiTests : OrdersTest
{
    [Fact]
    public async Task Creating_an_order_locks_each_lines_store_price()
    {
        var created = await Client.CreateOrderAsync(null, (OrderData.Elden, 2), (OrderData.Hades, 1));

        await Client.PostAsJsonAsync("/kernel/catalog/offers/changes", new OfferChange("kinguin", "k-1", 20m, null, null, null, Noon.AddHours(1)));
        var order = await Client.GetOrderAsync(created.OrderId);

        created.Lines.Select(l => (l.Slug, l.Title, l.Quantity, l.UnitPrice))
            .Should().Equal((OrderData.Elden, "Elden Ring", 2, 11.56m), (OrderData.Hades, "Hades", 1, 10.66m));
        (created.Total, created.Currency).Should().Be((33.78m, "EUR"));
        created.Number.Should().StartWith("GD-");
        (await App.PriceAsync(OrderData.Elden)).Should().BeGreaterThan(20m, "the store price moved on");
        order.Lines.Select(l => l.UnitPrice).Should().Equal(11.56m, 10.66m);
        (order.Status, order.Email, order.CartId, order.Total).Should().Be((OrderStatuses.Pending, "buyer@example.com", "cart-1", 33.78m));
        (await App.StepsAsync(created.OrderId)).Should().Equal("created");
        (await App.OutboxCountAsync(Topics.OrderCreated)).Should().Be(1);
    }

    [Fact]
    public async Task Only_the_receipt_tokens_hash_is_stored()
    {
        var created = await Client.CreateOrderAsync();

        var stored = await App.ScalarAsync<byte[]>("SELECT receipt_token_hash FROM orders WHERE id = @OrderId", new { created.OrderId });

        var token = Base64Url.DecodeFromChars(created.ReceiptToken);
        token.Should().HaveCount(32);
        stored.Should().Equal(SHA256.HashData(token));
    }

    [Fact]
    public async Task An_unknown_or_unsold_product_is_a_conflict_naming_it_and_writes_nothing()
    {
        await Client.PostAsJsonAsync("/kernel/catalog/offers/changes", new OfferChange("kinguin", "k-2", null, null, null, false, Noon.AddHours(1)));

        var response = await Client.PostAsJsonAsync("/kernel/orders", new CreateOrder(null, "buyer@example.com", null,
            [new CreateOrderLine(OrderData.Elden, 1), new CreateOrderLine("no-such-game", 1), new CreateOrderLine(OrderData.Hades, 1)]));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("lines");
        errors.EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo("'no-such-game' is not for sale.", $"'{OrderData.Hades}' is not for sale.");
        (await App.ScalarAsync<long>("SELECT count(*) FROM orders")).Should().Be(0);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem()
    {
        var noLines = await Client.PostAsJsonAsync("/kernel/orders", new CreateOrder(null, "buyer@example.com", null, []));
        var noEmail = await Client.PostAsJsonAsync("/kernel/orders", new { lines = new[] { new { slug = OrderData.Elden, quantity = 1 } } });
        var tooMany = await Client.PostAsJsonAsync("/kernel/orders", new CreateOrder(null, "buyer@example.com", null, [new CreateOrderLine(OrderData.Elden, 11)]));
        var unknownUser = await Client.PostAsJsonAsync("/kernel/orders", new CreateOrder(Guid.NewGuid(), "buyer@example.com", null, [new CreateOrderLine(OrderData.Elden, 1)]));

        new[] { noLines.StatusCode, noEmail.StatusCode, tooMany.StatusCode, unknownUser.StatusCode }.Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Stuck_lists_open_orders_not_updated_for_longer_than_asked()
    {
        var idle = await Client.CreateOrderAsync();
        var recent = await Client.CreateOrderAsync();
        var released = await Client.CreateOrderAsync();
        await Client.PostOkAsync<CheckoutOrder>($"/kernel/orders/{released.OrderId}/release", new ReleaseOrder(OrderStatuses.Expired, "approval timed out"));
        await App.ScalarAsync<int>("UPDATE orders SET updated_at = now() - interval '1 hour' WHERE id <> @Recent; SELECT 1", new { Recent = recent.OrderId });

        var stuck = await Client.GetFromJsonAsync<List<StuckOrder>>("/kernel/orders/stuck?olderThanSeconds=600");
        var missingParameter = await Client.GetAsync("/kernel/orders/stuck");

        stuck!.Select(s => (s.OrderId, s.Number, s.Status)).Should().Equal((idle.OrderId, idle.Number, OrderStatuses.Pending));
        missingParameter.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_order_is_not_found()
    {
        var read = await Client.GetAsync($"/kernel/orders/{Guid.NewGuid()}");
        var reserve = await Client.PostAsync($"/kernel/orders/{Guid.NewGuid()}/reserve", null);

        (read.StatusCode, reserve.StatusCode).Should().Be((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
    }
}
