using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Tests.Features.Orders;
using GamesDrop.Kernel.Tests.Features.Wishlist;
using static GamesDrop.Kernel.Tests.Features.CatalogData;
using static GamesDrop.Kernel.Tests.Features.Orders.OrderData;

namespace GamesDrop.Kernel.Tests.Features.Regions;

/// <summary>
/// Each key's region (from the supplier's listing) against where the buyer plays: the account's country before payment,
/// PayPal's payer country before capture. Elden Ring is a GLOBAL key; Witcher 3 here is sold as an EU key.
/// </summary>
public sealed class RegionCheckTests : OrdersTest
{
    private const string Witcher = "the-witcher-3-steam-eu";

    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        await Client.PostBatchAsync("kinguin", null, Offer("k-3", "The Witcher 3", region: "EUROPE"));
    }

    [Fact]
    public async Task An_EU_key_for_an_account_in_the_US_is_refused_with_its_title_and_on_the_timeline()
    {
        var user = await UserInAsync("us@example.com", "US");
        var order = await Client.CreateOrderAsync(user, (Elden, 1), (Witcher, 1));

        var verdict = await CheckAsync(order.OrderId);

        verdict.Fits.Should().BeFalse();
        verdict.Country.Should().Be("US");
        verdict.Reason.Should().Be("“The Witcher 3” (a key for Europe) will not activate in US, the country in your account. Nothing was charged.");
        (await App.StepsAsync(order.OrderId)).Should().Contain("region-refused");
        (await Client.GetOrderAsync(order.OrderId)).RegionRefusal.Should().Be(verdict.Reason);
    }

    [Fact]
    public async Task An_EU_key_fits_an_account_in_Germany_and_a_global_key_fits_anywhere()
    {
        var germany = await Client.CreateOrderAsync(await UserInAsync("de@example.com", "DE"), (Witcher, 1));
        var japan = await Client.CreateOrderAsync(await UserInAsync("jp@example.com", "JP"), (Elden, 1));

        (await CheckAsync(germany.OrderId)).Should().Be(new RegionVerdict(true, "DE", null));
        (await CheckAsync(japan.OrderId)).Should().Be(new RegionVerdict(true, "JP", null));
        (await App.StepsAsync(germany.OrderId)).Should().Contain("region-checked");
        (await Client.GetOrderAsync(germany.OrderId)).RegionRefusal.Should().BeNull();
    }

    [Fact]
    public async Task A_guest_fits_until_PayPal_names_a_payer_country_where_the_key_does_not_work()
    {
        var order = await Client.CreateOrderAsync(null, (Witcher, 1));

        var before = await CheckAsync(order.OrderId);
        var payer = await CheckAsync(order.OrderId, "BR");

        before.Should().Be(new RegionVerdict(true, null, null));
        payer.Fits.Should().BeFalse();
        payer.Reason.Should().Contain("the country of your PayPal account");
    }

    [Fact]
    public async Task PayPals_payer_country_is_checked_over_the_account_country()
    {
        var order = await Client.CreateOrderAsync(await UserInAsync("moved@example.com", "FR"), (Witcher, 1));

        (await CheckAsync(order.OrderId)).Fits.Should().BeTrue();
        (await CheckAsync(order.OrderId, "US")).Fits.Should().BeFalse();
    }

    [Fact]
    public async Task A_global_key_whose_every_offer_excludes_the_accounts_country_is_refused_before_payment()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-4", "Hollow Knight", excluded: ["RU", "US"]));
        var us = await Client.CreateOrderAsync(await UserInAsync("excluded@example.com", "US"), (Elden, 1), ("hollow-knight-steam-global", 1));
        var de = await Client.CreateOrderAsync(await UserInAsync("included@example.com", "DE"), ("hollow-knight-steam-global", 1));

        var refused = await CheckAsync(us.OrderId);

        refused.Fits.Should().BeFalse();
        refused.Reason.Should().Be("“Hollow Knight” (no key on sale works there) will not activate in US, the country in your account. Nothing was charged.");
        (await CheckAsync(de.OrderId)).Fits.Should().BeTrue();
    }

    [Fact]
    public async Task A_game_whose_cheapest_offer_excludes_the_buyers_country_stays_buyable_and_fulfilment_skips_that_offer()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", "Elden Ring", price: 10m, excluded: ["US"]));
        await Client.RegisterSupplierAsync("eneba");
        await Client.PostBatchAsync("eneba", null, Offer("e-1", "Elden Ring", price: 10.4m));
        var us = await Client.CreateOrderAsync(await UserInAsync("buyer.us@example.com", "US"), (Elden, 1));
        var de = await Client.CreateOrderAsync(await UserInAsync("buyer.de@example.com", "DE"), (Elden, 1));
        var guest = await Client.CreateOrderAsync(null, (Elden, 1));

        (await CheckAsync(us.OrderId)).Fits.Should().BeTrue("Eneba's offer works in the US");
        (await CheckAsync(guest.OrderId, "US")).Fits.Should().BeTrue();

        (await CandidatesAsync(us)).Should().Equal("eneba");
        (await CandidatesAsync(guest)).Should().Equal(["eneba"], "PayPal's payer country counts once the region check passed it");
        (await CandidatesAsync(de)).Should().Equal("kinguin", "eneba");
    }

    [Fact]
    public async Task A_payer_country_that_is_not_a_country_code_is_refused()
    {
        var order = await Client.CreateOrderAsync(null, (Elden, 1));

        var response = await Client.PostAsJsonAsync($"/kernel/orders/{order.OrderId}/region-check", new CheckRegion("usa"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_account_country_must_be_a_two_letter_code()
    {
        var user = await Client.CreateUserAsync("bad-country@example.com");

        var response = await Client.PutAsJsonAsync($"/kernel/users/{user}/country", new { country = "Germany" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task<Guid> UserInAsync(string email, string country)
    {
        var user = await Client.CreateUserAsync(email);
        var response = await Client.PutAsJsonAsync($"/kernel/users/{user}/country", new { country });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return user;
    }

    private async Task<IEnumerable<string>> CandidatesAsync(CreatedOrder order) =>
        (await Client.GetFromJsonAsync<List<SupplierCandidate>>($"/kernel/orders/{order.OrderId}/lines/{order.Lines.Single().LineId}/candidates"))!
            .Select(c => c.Supplier);

    private Task<RegionVerdict> CheckAsync(Guid orderId, string? payerCountry = null) =>
        Client.PostOkAsync<RegionVerdict>($"/kernel/orders/{orderId}/region-check", new CheckRegion(payerCountry));
}
