using System.Net;
using System.Net.Http.Json;
using GamesDrop.Bff.Tests.Features.Cart;
using GamesDrop.Bff.Tests.Features.Checkout;
using GamesDrop.Contracts.Admin;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// A shopper views a product (its page read twice, shown once), adds it, checks out and pays; the admin's sales report has that one purchase at every step
/// of the funnel (views and cart adds reach the kernel in the BFF's next batch) and in revenue, products and margin.
/// </summary>
public sealed class AdminAnalyticsApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    [Fact]
    public async Task One_purchase_shows_at_every_funnel_step_and_in_revenue_products_and_margin()
    {
        using var guest = new Shopper(fixture.Store);
        var slug = await fixture.ProductAsync();
        // The page's reads (a prefetch, the page drawn again after the cart add) are not views; the page shown says so once.
        (await guest.Http.GetAsync($"/bff/api/catalog/products/{slug}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await guest.Http.GetAsync($"/bff/api/catalog/products/{slug}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await guest.Http.PostAsync($"/bff/api/catalog/products/{slug}/views", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await guest.AddToCartAsync(slug)).StatusCode.Should().Be(HttpStatusCode.OK);
        var started = await guest.StartedCheckoutAsync("charts@example.com");
        var receipt = await guest.PayAsync(fixture, started);
        var total = receipt.GetProperty("total").GetDecimal();
        using var admin = await AdminAsync();

        SalesReport report = null!;
        (await Eventually.HoldsAsync(async () =>
        {
            report = (await admin.Http.GetFromJsonAsync<SalesReport>("/bff/api/admin/analytics"))!;
            return report.Funnel.ProductViews > 0;
        }, CheckoutFixture.Patience)).Should().BeTrue("the BFF reports its counts every few seconds");

        report.Funnel.Should().Be(new SalesFunnel(ProductViews: 1, CartAdds: 1, Checkouts: 1, Paid: 1));
        (report.Days.Sum(d => d.Orders), report.Days.Sum(d => d.Revenue)).Should().Be((1L, total));
        report.TopProducts.Should().ContainSingle().Which.Should().Match<TopProduct>(p => p.Slug == slug && p.Units == 1 && p.Revenue == total);
        var supplier = report.Suppliers.Should().ContainSingle().Subject;
        supplier.Supplier.Should().BeOneOf("kinguin", "digiflazz");
        (supplier.KeysSold, supplier.Revenue, supplier.KeysWithoutCost).Should().Be((1L, total, 0L));
        supplier.Cost.Should().BePositive().And.BeLessThan(total);
        supplier.Margin.Should().Be(total - supplier.Cost);
    }

    [Fact]
    public async Task A_reversed_range_is_refused_with_the_field_named()
    {
        using var admin = await AdminAsync();

        var reversed = await admin.Http.GetAsync("/bff/api/admin/analytics?from=2026-12-05&to=2026-12-01");

        reversed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadAsStringAsync()).Should().Contain("from");
    }

    private async Task<Shopper> AdminAsync()
    {
        var admin = new Shopper(fixture.Store);
        (await admin.LoginAsync(CheckoutFixture.AdminEmail, CheckoutFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        return admin;
    }
}
