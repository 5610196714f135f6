using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Tests.Workflows;

/// <summary>
/// A key that would not activate where the buyer plays is caught before any money moves: against the account's country
/// before PayPal is called, and against PayPal's payer country before capture.
/// </summary>
public sealed class RegionCheckTests(CheckoutStoreFixture fixture) : IClassFixture<CheckoutStoreFixture>
{
    private CheckoutStore Shop => fixture.Store;

    [Fact]
    public async Task A_key_that_does_not_work_in_the_accounts_country_is_refused_before_PayPal_is_called()
    {
        var product = await Shop.ProductInRegionAsync("EU");
        var user = await Shop.UserInAsync("plays.in.us@example.com", "US");
        var placed = await Shop.PlaceAsync(product, email: "plays.in.us@example.com", userId: user);

        await Shop.BeginAsync(placed.OrderId);
        var order = await Shop.WaitFinalAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Cancelled);
        order.Payment.Should().BeNull("no PayPal order was created");
        order.RegionRefusal.Should().Be($"“{placed.Lines[0].Title}” (a key for Europe) will not activate in US, the country in your account. Nothing was charged.");
        (await Shop.QueryAsync<string>("SELECT status_reason FROM orders WHERE id = @OrderId", new { placed.OrderId })).Single()
            .Should().Be(order.RegionRefusal);
        using var checkout = Shop.Store.InternalClient();
        (await checkout.GetFromJsonAsync<JsonElement>($"/checkout/checkouts/{placed.OrderId}")).GetProperty("regionRefusal").GetString()
            .Should().Be(order.RegionRefusal);
    }

    [Fact]
    public async Task A_global_key_every_supplier_offer_excludes_the_accounts_country_for_is_refused_before_PayPal_is_called()
    {
        var product = await Shop.ProductInRegionAsync("GLOBAL");
        (await Shop.QueryAsync<long>("""
            UPDATE supplier_offers SET excluded_countries = '{DE}'
            WHERE product_id = (SELECT id FROM products WHERE slug = @Product) RETURNING id
            """, new { Product = product })).Should().NotBeEmpty();
        var user = await Shop.UserInAsync("excluded.in.de@example.com", "DE");
        var placed = await Shop.PlaceAsync(product, email: "excluded.in.de@example.com", userId: user);

        await Shop.BeginAsync(placed.OrderId);
        var order = await Shop.WaitFinalAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Cancelled);
        order.Payment.Should().BeNull("no PayPal order was created");
        order.RegionRefusal.Should().Be(
            $"“{placed.Lines[0].Title}” (no key on sale works there) will not activate in DE, the country in your account. Nothing was charged.");
    }

    [Fact]
    public async Task A_key_that_works_in_the_accounts_country_goes_on_to_PayPal()
    {
        var product = await Shop.ProductInRegionAsync("EU", 1);
        var user = await Shop.UserInAsync("plays.in.de@example.com", "DE");
        var placed = await Shop.PlaceAsync(product, email: "plays.in.de@example.com", userId: user);

        var payPalOrderId = await Shop.StartAsync(placed.OrderId);

        payPalOrderId.Should().NotBeNullOrEmpty();
        (await Shop.QueryAsync<string>("SELECT note FROM order_events WHERE order_id = @OrderId AND step = 'region-checked'", new { placed.OrderId }))
            .Should().Equal("DE");
    }

    [Fact]
    public async Task A_PayPal_payer_in_a_country_where_the_key_does_not_work_is_never_charged()
    {
        var placed = await Shop.PlaceAsync(await Shop.ProductInRegionAsync("EU", 2), email: "guest.abroad@example.com");
        var payPalOrderId = await Shop.StartAsync(placed.OrderId);
        await Shop.ApproveOnPayPalAsync(payPalOrderId, country: "US");
        await Shop.ReturnAsync(placed.OrderId, payPalOrderId);

        var order = await Shop.WaitFinalAsync(placed.OrderId);

        order.Status.Should().Be(OrderStatuses.Cancelled);
        order.Payment!.CaptureId.Should().BeNull();
        order.RegionRefusal.Should().EndWith("will not activate in US, the country of your PayPal account. Nothing was charged.");
        var paypal = await Shop.PayPalOrderAsync(payPalOrderId);
        paypal.GetProperty("status").GetString().Should().Be("APPROVED", "approved by the buyer, never captured");
        (await Shop.PayPalCapturesAsync(payPalOrderId)).Should().Be(0);
    }
}
