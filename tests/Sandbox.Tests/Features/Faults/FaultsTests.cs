using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests.Features.Faults;

public sealed class FaultsTests : SandboxTest
{
    private HttpClient Admin => Sandbox.Admin();

    [Fact]
    public async Task Admin_endpoints_need_theAdmin_token()
    {
        using var anonymous = await Sandbox.CreateClient().GetAsync("/_sandbox/faults/kinguin");
        var wrong = Sandbox.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Sandbox-Admin-Token", "guess");
        using var guessed = await wrong.PutAsJsonAsync("/_sandbox/faults/kinguin", new { hang = true });
        var state = await Admin.GetJsonAsync("/_sandbox/faults/kinguin");

        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        guessed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        state.GetProperty("hang").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Forced_5xx_answers_every_call_in_the_partner_shape_until_healed()
    {
        await SetAsync("kinguin", new { errorRate = 1.0, errorStatus = 502 });
        using var failing = await Sandbox.Kinguin().GetAsync("/kinguin/esa/api/v1/balance");
        var (digiflazzStatus, _) = await Sandbox.Digiflazz().BalanceAsync();

        await SetAsync("kinguin", new { });
        using var healed = await Sandbox.Kinguin().GetAsync("/kinguin/esa/api/v1/balance");

        failing.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await failing.JsonAsync()).GetProperty("status").GetInt32().Should().Be(502);
        digiflazzStatus.Should().Be(200, "faults are per partner");
        healed.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Latency_delays_answers()
    {
        await SetAsync("digiflazz", new { latencyMs = 300 });
        var timer = Stopwatch.StartNew();

        await Sandbox.Digiflazz().BalanceAsync();

        timer.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(290);
    }

    [Fact]
    public async Task Hang_never_answers_so_the_caller_times_out()
    {
        await SetAsync("kinguin", new { hang = true });
        var kinguin = Sandbox.Kinguin();
        kinguin.Timeout = TimeSpan.FromMilliseconds(300);

        var call = () => kinguin.GetAsync("/kinguin/esa/api/v1/balance");

        await call.Should().ThrowAsync<TaskCanceledException>();
    }

    [Fact]
    public async Task Out_of_stock_empties_both_catalogs_and_fails_purchases()
    {
        var kinguin = Sandbox.Kinguin();
        var digiflazz = Sandbox.Digiflazz();
        var product = await KinguinCatalog.InStockAsync(kinguin);
        var sku = (await DigiflazzCatalog.SellableAsync(digiflazz)).GetProperty("buyer_sku_code").GetString()!;
        await SetAsync("kinguin", new { outOfStock = true });
        await SetAsync("digiflazz", new { outOfStock = true });

        var after = await kinguin.GetJsonAsync($"/kinguin/esa/api/v1/products/{product.GetProperty("kinguinId")}");
        using var order = await KinguinCatalog.OrderAsync(kinguin, product, qty: 1);
        var (_, list) = await digiflazz.PriceListAsync(new { code = sku });
        var (_, sale) = await digiflazz.TransactAsync(sku, "0811111111", "oos-1");

        after.GetProperty("qty").GetInt32().Should().Be(0);
        (await order.JsonAsync()).GetProperty("kind").GetString().Should().Be("ProductUnavailable");
        list[0].GetProperty("stock").GetInt32().Should().Be(0);
        sale.GetProperty("rc").GetString().Should().Be("68");
    }

    [Fact]
    public async Task Price_multiplier_makes_cached_prices_stale()
    {
        var kinguin = Sandbox.Kinguin();
        var product = await KinguinCatalog.InStockAsync(kinguin);
        var price = product.GetProperty("price").GetDecimal();
        var digiflazz = Sandbox.Digiflazz();
        var item = await DigiflazzCatalog.SellableAsync(digiflazz);
        await SetAsync("kinguin", new { priceMultiplier = 2 });
        await SetAsync("digiflazz", new { priceMultiplier = 2 });

        var after = await kinguin.GetJsonAsync($"/kinguin/esa/api/v1/products/{product.GetProperty("kinguinId")}");
        using var order = await KinguinCatalog.OrderAsync(kinguin, product, qty: 1, price: price);
        var (_, sale) = await digiflazz.TransactAsync(item.GetProperty("buyer_sku_code").GetString()!, "0811111111", "dear-1",
            maxPrice: item.GetProperty("price").GetInt64());

        after.GetProperty("price").GetDecimal().Should().Be(Math.Round(price * 2, 2));
        (await order.JsonAsync()).GetProperty("kind").GetString().Should().Be("ProductUnavailable");
        sale.GetProperty("rc").GetString().Should().Be("69");
    }

    [Fact]
    public async Task Slow_key_delivery_keeps_orders_processing_longer()
    {
        var kinguin = Sandbox.Kinguin();
        var product = await KinguinCatalog.InStockAsync(kinguin);
        await SetAsync("kinguin", new { keyDeliverySeconds = 600 });

        using var placed = await KinguinCatalog.OrderAsync(kinguin, product, qty: 1);
        var orderId = (await placed.JsonAsync()).GetProperty("orderId").GetString();
        Sandbox.Clock.Advance(TimeSpan.FromSeconds(60));
        var order = await kinguin.GetJsonAsync($"/kinguin/esa/api/v1/order/{orderId}");

        order.GetProperty("status").GetString().Should().Be("processing", "the usual 10 s delivery was stretched to 10 min");
    }

    [Fact]
    public async Task A_kinguin_order_that_times_out_was_still_placed_and_is_found_by_its_external_id()
    {
        var product = await KinguinCatalog.InStockAsync(Sandbox.Kinguin());
        await SetAsync("kinguin", new { purchaseFault = "hang-after" });
        var kinguin = Sandbox.Kinguin();
        kinguin.Timeout = TimeSpan.FromMilliseconds(300);

        var place = () => KinguinCatalog.OrderAsync(kinguin, product, qty: 1, externalId: "lost-1");

        await place.Should().ThrowAsync<TaskCanceledException>();
        var found = await Sandbox.Kinguin().GetJsonAsync("/kinguin/esa/api/v1/order?orderExternalId=lost-1");
        found.GetProperty("item_count").GetInt32().Should().Be(1);
        using var again = await KinguinCatalog.OrderAsync(Sandbox.Kinguin(), product, qty: 1, externalId: "lost-1");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict, "the order exists; a repeat is refused as a duplicate");
    }

    [Fact]
    public async Task A_dropped_kinguin_order_was_placed_but_one_failing_before_the_sale_was_not()
    {
        var kinguin = Sandbox.Kinguin();
        var product = await KinguinCatalog.InStockAsync(kinguin);
        await SetAsync("kinguin", new { purchaseFault = "drop-after" });
        var dropped = () => KinguinCatalog.OrderAsync(kinguin, product, qty: 1, externalId: "dropped-1");
        await dropped.Should().ThrowAsync<Exception>();
        await SetAsync("kinguin", new { purchaseFault = "error-before", errorStatus = 500 });

        using var refused = await KinguinCatalog.OrderAsync(kinguin, product, qty: 1, externalId: "never-1");

        refused.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await kinguin.GetJsonAsync("/kinguin/esa/api/v1/order?orderExternalId=dropped-1")).GetProperty("item_count").GetInt32().Should().Be(1);
        (await kinguin.GetJsonAsync("/kinguin/esa/api/v1/order?orderExternalId=never-1")).GetProperty("item_count").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task A_digiflazz_sale_answered_5xx_is_recorded_and_resending_its_ref_id_reads_it()
    {
        var digiflazz = Sandbox.Digiflazz();
        var sku = (await DigiflazzCatalog.SellableAsync(digiflazz)).GetProperty("buyer_sku_code").GetString()!;
        await SetAsync("digiflazz", new { purchaseFault = "error-after", errorStatus = 500 });

        var (first, _) = await digiflazz.TransactAsync(sku, "0811111111", "lost-1");
        var (again, resent) = await digiflazz.TransactAsync(sku, "0811111111", "lost-1");

        first.Should().Be(500);
        again.Should().Be(200, "a re-send is a status check, which answers normally");
        resent.GetProperty("status").GetString().Should().Be("Pending");
        using var ledger = await Admin.GetAsync("/_sandbox/digiflazz/transactions/lost-1");
        ledger.StatusCode.Should().Be(HttpStatusCode.OK);
        using var none = await Admin.GetAsync("/_sandbox/digiflazz/transactions/never-made");
        none.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_partner_and_out_of_range_settings_are_4xx()
    {
        using var unknown = await Admin.GetAsync("/_sandbox/faults/steam");
        using var invalid = await Admin.PutAsJsonAsync("/_sandbox/faults/kinguin", new { errorRate = 2.0, errorStatus = 200 });
        using var unknownFault = await Admin.PutAsJsonAsync("/_sandbox/faults/kinguin", new { purchaseFault = "explode" });

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        unknownFault.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task SetAsync(string partner, object settings)
    {
        using var response = await Admin.PutAsJsonAsync($"/_sandbox/faults/{partner}", settings);
        response.EnsureSuccessStatusCode();
    }
}
