using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Products;
using GamesDrop.Kernel.Tests.Features.Orders;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Products;

/// <summary>
/// What an offer row tells a buyer beyond the supplier's price: what checkout charges while it sells, and how long its
/// keys usually take. Kinguin sells Elden Ring at 10 EUR and Hades at 10 USD; Eneba Elden Ring at 10.40 EUR, dearer.
/// Delivery times count the last 4 deliveries of 30 days, and say nothing with fewer than 3.
/// </summary>
public sealed class OfferTrustTests : OrdersTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Catalog:DeliveryTime:Lines"] = "4",
        ["Catalog:DeliveryTime:MinLines"] = "3",
    };

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Client.RegisterSupplierAsync("eneba");
        await Client.PostBatchAsync("eneba", null, Offer("e-1", "Elden Ring", price: 10.4m));
    }

    private Task<ProductDetail> PageAsync(string slug) => Client.GetFromJsonAsync<ProductDetail>($"/kernel/catalog/products/{slug}")!;

    /// <summary>An order paid <paramref name="seconds"/> before its key from <paramref name="supplier"/> arrived, <paramref name="ago"/> ago.</summary>
    private async Task DeliveredAsync(string supplier, string slug, int seconds, TimeSpan ago)
    {
        var order = await Client.PaidOrderAsync(null, (slug, 1));
        var line = order.Lines.Single().LineId;
        var reference = $"{supplier}-{order.Number}";
        await Client.PostOkAsync<DeliveredKeys>($"/kernel/orders/{order.OrderId}/lines/{line}/keys",
            new DeliverKeys(supplier, reference, 9m, "EUR", DateTimeOffset.UtcNow, [new DeliveredKey($"KEY-{reference}", "text/plain")]));
        await App.ScalarAsync<int>("""
            UPDATE product_keys SET sold_at = now() - @Ago WHERE order_line_id = @Line;
            UPDATE payments SET captured_at = now() - @Ago - make_interval(secs => @Seconds) WHERE order_id = @OrderId RETURNING 1;
            """, new { Ago = ago, Line = line, Seconds = seconds, order.OrderId });
    }

    [Fact]
    public async Task An_offer_shows_the_median_time_to_key_of_its_products_recent_deliveries_else_its_suppliers_else_nothing()
    {
        // Kinguin's Elden Ring keys: the oldest of five is past the last four.
        foreach (var (seconds, hoursAgo) in new[] { (900, 5), (40, 4), (50, 3), (60, 2), (70, 1) })
        {
            await DeliveredAsync("kinguin", OrderData.Elden, seconds, TimeSpan.FromHours(hoursAgo));
        }
        // Two of Hades are too few for Hades alone: Kinguin's last four deliveries speak for it.
        await DeliveredAsync("kinguin", OrderData.Hades, 100, TimeSpan.FromMinutes(30));
        await DeliveredAsync("kinguin", OrderData.Hades, 200, TimeSpan.FromMinutes(20));
        // Eneba's third delivery is older than 30 days: two are too few to say anything.
        await DeliveredAsync("eneba", OrderData.Elden, 25, TimeSpan.FromDays(31));
        await DeliveredAsync("eneba", OrderData.Elden, 20, TimeSpan.FromHours(1));
        await DeliveredAsync("eneba", OrderData.Elden, 30, TimeSpan.FromHours(2));

        var elden = await PageAsync(OrderData.Elden);
        var hades = await PageAsync(OrderData.Hades);

        elden.Offers.Select(o => (o.Supplier, o.SecondsToKey)).Should().BeEquivalentTo(new[] { ("kinguin", (double?)55), ("eneba", null) });
        hades.Offers.Select(o => (o.Supplier, o.SecondsToKey)).Should().Equal(new[] { ("kinguin", (double?)85) }, "the median of 60, 70, 100 and 200 seconds");
    }

    [Fact]
    public async Task Each_offers_all_in_price_is_what_checkout_charges_while_that_offer_sells()
    {
        var page = await PageAsync(OrderData.Elden);
        var cheapest = await Client.CreateOrderAsync();
        var unavailable = await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin/availability", new SupplierAvailability("kinguin", false));
        unavailable.StatusCode.Should().Be(HttpStatusCode.OK);
        var dearer = await Client.CreateOrderAsync();
        var after = await PageAsync(OrderData.Elden);

        var allIn = page.Offers.ToDictionary(o => o.Supplier, o => o.AllInPrice);
        (allIn["kinguin"], allIn["eneba"]).Should().Be((cheapest.Total, dearer.Total));
        allIn["eneba"].Should().BeGreaterThan(page.Offers.Single(o => o.Supplier == "eneba").Price!.Value, "the payment fee is in it");
        page.Price.Should().Be(allIn["kinguin"]);
        after.Offers.Single(o => o.Supplier == "kinguin").AllInPrice.Should().BeNull("an offer that cannot sell has no price at checkout");
    }
}
