using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Pricing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Wishlist;

/// <summary>
/// Store prices as PricingTests works them out: supplier 10 → 11.56, 9 → 10.44, 8 → 9.32, 12.5 → 14.36. Ann's target
/// is 10.50, so 10.44 and 9.32 are at or below it.
/// </summary>
public sealed class PriceDropTests : CatalogTest
{
    private const string Elden = "elden-ring-steam-global";
    private Guid _ann;
    private int _minutes;

    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 10m, updatedAt: Noon));
        _ann = await Client.CreateUserAsync("ann@example.com");
        (await Client.PutWishAsync(_ann, Elden, 10.50m)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task PushAsync(decimal? price = null, int? stock = null, bool? available = null)
    {
        var change = new OfferChange("kinguin", "k-1", price, null, stock, available, Noon.AddMinutes(++_minutes));
        (await Client.PostAsJsonAsync("/kernel/catalog/offers/changes", change)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private Task<IReadOnlyList<string>> DropsAsync() =>
        App.QueryAsync<string>("SELECT data::text FROM messaging.outbox WHERE topic = @Topic ORDER BY created_at, id",
            new { Topic = Topics.WishlistPriceDropped });

    private async Task<IReadOnlyList<decimal>> DroppedPricesAsync() =>
        (await DropsAsync()).Select(d => JsonDocument.Parse(d).RootElement.GetProperty("price").GetDecimal()).ToList();

    [Fact]
    public async Task A_push_down_to_the_target_publishes_one_event_with_the_drop()
    {
        await PushAsync(price: 9m);

        var drop = JsonDocument.Parse((await DropsAsync()).Single()).RootElement;
        drop.GetProperty("userId").GetGuid().Should().Be(_ann);
        drop.GetProperty("email").GetString().Should().Be("ann@example.com");
        drop.GetProperty("slug").GetString().Should().Be(Elden);
        drop.GetProperty("title").GetString().Should().Be("Elden Ring");
        (drop.GetProperty("price").GetDecimal(), drop.GetProperty("currency").GetString(), drop.GetProperty("targetPrice").GetDecimal())
            .Should().Be((10.44m, "EUR", 10.50m));
        drop.GetProperty("droppedAt").GetDateTimeOffset().Should().BeAfter(Noon);
    }

    [Fact]
    public async Task The_same_price_again_is_no_new_drop_a_lower_one_is()
    {
        await PushAsync(price: 9m);

        await PushAsync(stock: 3);
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 9m, stock: 4, updatedAt: Noon.AddMinutes(++_minutes)));
        var afterRepeats = await DroppedPricesAsync();
        await PushAsync(price: 8m);

        afterRepeats.Should().Equal(10.44m);
        (await DroppedPricesAsync()).Should().Equal(10.44m, 9.32m);
    }

    [Fact]
    public async Task A_price_back_above_the_target_or_out_of_sale_rearms_the_alert()
    {
        await PushAsync(price: 9m);

        await PushAsync(price: 12.5m);
        await PushAsync(price: 9m);
        await PushAsync(available: false);
        await PushAsync(available: true);

        (await DroppedPricesAsync()).Should().Equal(10.44m, 10.44m, 10.44m);
    }

    [Fact]
    public async Task A_drop_found_by_a_sync_batch_is_published_with_its_offers()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 8m, updatedAt: Noon.AddHours(1)));

        (await DroppedPricesAsync()).Should().Equal(9.32m);
    }

    [Fact]
    public async Task A_margin_change_that_lowers_the_price_alerts_too()
    {
        // 10.35 / 0.9651 = 10.724…
        await App.ScalarAsync<int>("INSERT INTO margin_rules (supplier_code, genre, margin_percent, min_margin) VALUES ('kinguin', NULL, 0, 0) RETURNING 1");
        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Client.PutWishAsync(_ann, Elden, 10.80m);

        await App.Services.GetRequiredService<Repricer>().RepriceAllAsync(transaction, CancellationToken.None);
        await transaction.CommitAsync();

        (await DroppedPricesAsync()).Should().Equal(10.73m);
    }

    [Fact]
    public async Task Adding_or_retargeting_an_item_already_at_its_target_does_not_alert_until_the_next_lower_price()
    {
        var bob = await Client.CreateUserAsync("bob@example.com");

        var added = await Client.PutWishAsync(bob, Elden, 20m);
        await Client.PutWishAsync(_ann, Elden, 12m);
        await PushAsync(stock: 2);
        var afterAdding = await DropsAsync();
        await PushAsync(price: 9m);

        (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reached").GetBoolean().Should().BeTrue();
        afterAdding.Should().BeEmpty();
        (await DroppedPricesAsync()).Should().Equal(10.44m, 10.44m);
    }
}
