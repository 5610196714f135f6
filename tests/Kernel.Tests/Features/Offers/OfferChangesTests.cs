using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Offers;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Offers;

public sealed class OfferChangesTests : CatalogTest
{
    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 10m, updatedAt: Noon));
    }

    private async Task<bool> PushAsync(OfferChange change) => (await ResultOfAsync(change)).Applied;

    private async Task<OfferChangeResult> ResultOfAsync(OfferChange change)
    {
        var response = await Client.PostAsJsonAsync("/kernel/catalog/offers/changes", change);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<OfferChangeResult>())!;
    }

    [Fact]
    public async Task A_newer_push_applies_an_older_one_is_ignored_and_a_repeat_is_harmless()
    {
        var newer = new OfferChange("kinguin", "k-1", 12.5m, null, 3, null, Noon.AddMinutes(10));

        var appliedNewer = await PushAsync(newer);
        var appliedOlder = await PushAsync(new OfferChange("kinguin", "k-1", 9m, null, 50, null, Noon.AddMinutes(5)));
        var appliedRepeat = await PushAsync(newer);

        (appliedNewer, appliedOlder, appliedRepeat).Should().Be((true, false, false));
        (await App.QueryAsync<(decimal, int, bool)>("SELECT price, stock, available FROM supplier_offers"))
            .Should().Equal([(12.5m, 3, true)], "fields the push left null keep their value");
        (await App.ScalarAsync<long>("SELECT count(*) FROM offer_price_history")).Should().Be(2);
        (await App.ChangedOffersAsync()).Should().HaveCount(2);
        (await App.PriceAsync("elden-ring-steam-global")).Should().Be(14.36m);
    }

    [Fact]
    public async Task A_push_that_only_confirms_the_offer_refreshes_it_without_an_event()
    {
        await App.ScalarAsync<int>("UPDATE supplier_offers SET synced_at = now() - interval '1 hour' RETURNING 1");

        var applied = await PushAsync(new OfferChange("kinguin", "k-1", 10m, "EUR", 5, true, Noon.AddMinutes(1)));

        applied.Should().BeTrue();
        (await App.ScalarAsync<bool>("SELECT synced_at > now() - interval '1 minute' FROM supplier_offers")).Should().BeTrue();
        (await App.ChangedOffersAsync()).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_read_that_finds_the_offer_unchanged_marks_it_fresh_and_one_with_other_values_applies_them()
    {
        await App.ScalarAsync<int>("UPDATE supplier_offers SET synced_at = now() - interval '1 hour' RETURNING 1");

        var sameVersion = await ResultOfAsync(new OfferChange("kinguin", "k-1", 10m, "EUR", 5, true, Noon));
        var fresh = await App.ScalarAsync<bool>("SELECT synced_at > now() - interval '1 minute' FROM supplier_offers");
        var sameTimeNewValues = await ResultOfAsync(new OfferChange("kinguin", "k-1", 11m, "EUR", 4, true, Noon));
        var newer = await ResultOfAsync(new OfferChange("kinguin", "k-1", 11m, "EUR", 4, true, Noon.AddMinutes(1)));

        // Contested tells the caller that two states share one time, so that it reads which one the supplier holds now.
        (sameVersion, fresh, sameTimeNewValues, newer).Should().Be((new OfferChangeResult(false, false), true, new OfferChangeResult(true, true),
            new OfferChangeResult(true, false)));
        (await App.QueryAsync<(decimal, int)>("SELECT price, stock FROM supplier_offers")).Should().Equal([(11m, 4)]);
        (await App.ChangedOffersAsync()).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_push_for_an_unknown_sku_is_a_404_problem()
    {
        var response = await Client.PostAsJsonAsync("/kernel/catalog/offers/changes", new OfferChange("kinguin", "nope", 1m, null, null, null, Noon));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("nope");
    }
}
