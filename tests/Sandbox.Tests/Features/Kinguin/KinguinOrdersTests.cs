using System.Net;
using System.Net.Http.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Kinguin;

public sealed class KinguinOrdersTests : SandboxTest
{
    private HttpClient Kinguin => Sandbox.Kinguin();

    [Fact]
    public async Task Order_is_processing_then_keys_arrive_in_part_then_all_when_completed()
    {
        var product = await KinguinCatalog.InStockAsync(Kinguin, qty: 4);

        using var placed = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 4);
        var order = await placed.JsonAsync();
        var orderId = order.GetProperty("orderId").GetString();
        var keysUrl = $"/kinguin/esa/api/v2/order/{orderId}/keys";
        var atStart = await Kinguin.GetJsonAsync(keysUrl);
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        var halfway = await Kinguin.GetJsonAsync(keysUrl);
        var halfwayOrder = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v1/order/{orderId}");
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(5));
        var done = await Kinguin.GetJsonAsync(keysUrl);
        var doneOrder = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v1/order/{orderId}");

        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        order.GetProperty("status").GetString().Should().Be("processing");
        order.GetProperty("products")[0].GetProperty("keys").EnumerateArray().Should().OnlyContain(k => k.GetProperty("status").GetString() == "PENDING");
        atStart.GetArrayLength().Should().Be(0);
        halfway.GetArrayLength().Should().Be(2);
        halfwayOrder.GetProperty("status").GetString().Should().Be("processing");
        done.GetArrayLength().Should().Be(4);
        doneOrder.GetProperty("status").GetString().Should().Be("completed");
        doneOrder.GetProperty("products")[0].GetProperty("keys").EnumerateArray().Should().OnlyContain(k => k.GetProperty("status").GetString() == "DELIVERED");
        var key = done[0];
        key.GetProperty("type").GetString().Should().Be("text/plain");
        key.GetProperty("serial").GetString().Should().MatchRegex("^[A-Z0-9]{4,5}(-[A-Z0-9]{4,5})+$");
        key.GetProperty("productId").GetString().Should().Be(product.GetProperty("productId").GetString());
        done.EnumerateArray().Select(k => k.GetProperty("serial").GetString()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Keys_are_paged()
    {
        var product = await KinguinCatalog.InStockAsync(Kinguin, qty: 3);
        using var placed = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 3);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString();
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(10));

        var first = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v2/order/{orderId}/keys?page=1&limit=2");
        var second = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v2/order/{orderId}/keys?page=2&limit=2");

        first.GetArrayLength().Should().Be(2);
        second.GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Order_pays_from_the_balance_and_takes_stock()
    {
        var product = await KinguinCatalog.InStockAsync(Kinguin, qty: 2);
        var price = product.GetProperty("price").GetDecimal();

        using var placed = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 2, price: price + 1m);
        var order = await placed.JsonAsync();
        var balance = await Kinguin.GetJsonAsync("/kinguin/esa/api/v1/balance");
        var after = await Kinguin.GetJsonAsync($"/kinguin/esa/api/v1/products/{product.GetProperty("kinguinId")}");

        order.GetProperty("totalPrice").GetDecimal().Should().Be(price * 2, "the offer's price is charged, not the higher one accepted");
        order.GetProperty("products")[0].GetProperty("requestPrice").GetDecimal().Should().Be(price + 1m);
        balance.GetProperty("balance").GetDecimal().Should().Be(SandboxApplication.KinguinBalance - price * 2);
        after.GetProperty("totalQty").GetInt32().Should().Be(product.GetProperty("totalQty").GetInt32() - 2);
    }

    [Fact]
    public async Task Duplicate_orderExternalId_gets_409_naming_the_first_order()
    {
        var product = await KinguinCatalog.InStockAsync(Kinguin, qty: 2);
        using var first = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 1, externalId: "store-order-42");
        var firstId = (await first.JsonAsync()).GetProperty("orderId").GetString();

        using var again = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 1, externalId: "store-order-42");
        var error = await again.JsonAsync();
        var search = await Kinguin.GetJsonAsync("/kinguin/esa/api/v1/order?orderExternalId=store-order-42");
        var balance = await Kinguin.GetJsonAsync("/kinguin/esa/api/v1/balance");

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        error.GetProperty("kind").GetString().Should().Be("ConstraintViolation");
        error.GetProperty("detail").GetString().Should().Contain(firstId);
        error.GetProperty("orderId").GetString().Should().Be(firstId);
        search.GetProperty("item_count").GetInt32().Should().Be(1);
        balance.GetProperty("balance").GetDecimal().Should().Be(SandboxApplication.KinguinBalance - product.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Order_beyond_the_balance_gets_InsufficientBalance_and_charges_nothing()
    {
        await using var poor = new SandboxApplication(new Dictionary<string, string?> { ["Sandbox:Kinguin:Balance"] = "0.50" });
        var kinguin = poor.Kinguin();
        var product = await KinguinCatalog.InStockAsync(kinguin);

        using var placed = await KinguinCatalog.OrderAsync(kinguin, product, qty: 1);
        var balance = await kinguin.GetJsonAsync("/kinguin/esa/api/v1/balance");

        placed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await placed.JsonAsync()).GetProperty("kind").GetString().Should().Be("InsufficientBalance");
        balance.GetProperty("balance").GetDecimal().Should().Be(0.50m);
    }

    [Fact]
    public async Task Accepted_price_below_the_current_price_gets_ProductUnavailable()
    {
        var product = await KinguinCatalog.InStockAsync(Kinguin);

        using var placed = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 1, price: product.GetProperty("price").GetDecimal() - 0.01m);

        placed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await placed.JsonAsync()).GetProperty("kind").GetString().Should().Be("ProductUnavailable");
    }

    [Fact]
    public async Task More_than_9_per_offer_or_10_lines_is_a_ConstraintViolation()
    {
        var product = await KinguinCatalog.InStockAsync(Kinguin);
        var line = new { productId = product.GetProperty("productId").GetString(), qty = 1, price = 999m };

        using var tenKeys = await KinguinCatalog.OrderAsync(Kinguin, product, qty: 10);
        using var elevenLines = await Kinguin.PostAsJsonAsync("/kinguin/esa/api/v2/order", new { products = Enumerable.Repeat(line, 11) });

        tenKeys.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tenKeys.JsonAsync()).GetProperty("propertyPath").GetString().Should().Be("products[0].qty");
        elevenLines.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await elevenLines.JsonAsync()).GetProperty("kind").GetString().Should().Be("ConstraintViolation");
    }

    [Fact]
    public async Task Unknown_order_gets_OrderNotFound()
    {
        using var response = await Kinguin.GetAsync("/kinguin/esa/api/v1/order/NOSUCHORDER");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.JsonAsync()).GetProperty("kind").GetString().Should().Be("OrderNotFound");
    }
}
