using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using Npgsql;

namespace GamesDrop.Bff.Tests.Features.Wishlist;

public sealed class WishlistApiTests : IAsyncLifetime
{
    private const string Wishlist = "/bff/api/account/wishlist";
    private const string Elden = "elden-ring-steam-global";
    private static readonly DateTimeOffset Synced = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private EmbeddedApp _app = null!;

    // Elden Ring sells at 11.56 from a supplier price of 10.
    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync();
        using var kernel = _app.InternalClient();
        await kernel.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = true });
        var batch = await kernel.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch("kinguin", null,
        [
            new SupplierOffer("k-1", "Elden Ring Steam Key GLOBAL", "Steam", "GLOBAL", "", ["RPG"], new DateOnly(2022, 2, 25),
                "Open-world action RPG.", "Redeem on Steam.", "https://img.example/elden.jpg", 10m, "EUR", 5, true, Synced),
        ]));
        batch.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<JsonElement> ItemsAsync(Shopper shopper) =>
        (await shopper.Http.GetFromJsonAsync<JsonElement>(Wishlist)).GetProperty("items");

    [Fact]
    public async Task A_product_added_with_a_target_price_is_listed_with_its_price_and_the_wire_shape()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");

        var put = await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 11m });
        var items = await ItemsAsync(ann);

        put.StatusCode.Should().Be(HttpStatusCode.OK);
        var item = items.EnumerateArray().Single();
        item.EnumerateObject().Select(p => p.Name).Should().Equal(
            "slug", "title", "platform", "region", "imageUrl", "price", "currency", "inStock", "targetPrice", "reached", "addedAt");
        (item.GetProperty("slug").GetString(), item.GetProperty("title").GetString(), item.GetProperty("imageUrl").GetString())
            .Should().Be((Elden, "Elden Ring", "https://img.example/elden.jpg"));
        (item.GetProperty("price").GetDecimal(), item.GetProperty("currency").GetString(), item.GetProperty("inStock").GetBoolean())
            .Should().Be((11.56m, "EUR", true));
        (item.GetProperty("targetPrice").GetDecimal(), item.GetProperty("reached").GetBoolean()).Should().Be((11m, false));
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString().Should().Be(Elden);
        _app.Logs.AllText.Should().NotContain(ann.SessionCookie!).And.NotContain(ann.CsrfToken!).And.NotContain("correct horse");
    }

    [Fact]
    public async Task Another_shopper_can_neither_read_nor_change_nor_remove_your_items()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var bob = await new Shopper(_app).SignedUpAsync("bob@example.com");
        await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 9.99m });

        var bobsItems = await ItemsAsync(bob);
        var bobDeletes = await bob.SendAsync(HttpMethod.Delete, $"{Wishlist}/{Elden}");
        var bobPuts = await bob.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 5m });
        var annsItems = await ItemsAsync(ann);

        bobsItems.GetArrayLength().Should().Be(0);
        bobDeletes.StatusCode.Should().Be(HttpStatusCode.NotFound);
        bobDeletes.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await bobDeletes.Content.ReadAsStringAsync()).Should().NotContain("9.99");
        (await bobPuts.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("targetPrice").GetDecimal().Should().Be(5m);
        annsItems.EnumerateArray().Single().GetProperty("targetPrice").GetDecimal().Should().Be(9.99m);
    }

    [Fact]
    public async Task The_wishlist_is_for_signed_in_customers_and_its_writes_need_the_csrf_token()
    {
        using var anonymous = _app.PublicClient();
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");

        var anonymousAnswers = new[]
        {
            await anonymous.GetAsync(Wishlist),
            await anonymous.PutAsJsonAsync($"{Wishlist}/{Elden}", new { targetPrice = 5m }),
            await anonymous.DeleteAsync($"{Wishlist}/{Elden}"),
        };
        var putWithout = await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 5m }, withCsrf: false);
        var deleteWithout = await ann.SendAsync(HttpMethod.Delete, $"{Wishlist}/{Elden}", withCsrf: false);

        anonymousAnswers.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        (putWithout.StatusCode, deleteWithout.StatusCode).Should().Be((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden));
        (await ItemsAsync(ann)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_bad_target_is_a_400_and_an_unknown_product_a_404_both_problem_details()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");

        var answers = new[]
        {
            (await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = -1m }), HttpStatusCode.BadRequest),
            (await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 0.001m }), HttpStatusCode.BadRequest),
            (await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 100_000.5m }), HttpStatusCode.BadRequest),
            (await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { target = 5m }), HttpStatusCode.BadRequest),
            (await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/no-such-game", new { targetPrice = 5m }), HttpStatusCode.NotFound),
            (await ann.SendAsync(HttpMethod.Delete, $"{Wishlist}/{Elden}"), HttpStatusCode.NotFound),
        };

        foreach (var (response, expected) in answers)
        {
            response.StatusCode.Should().Be(expected);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
        (await answers[0].Item1.Content.ReadAsStringAsync()).Should().Contain("TargetPrice");
        (await ItemsAsync(ann)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_price_drop_to_the_target_is_published_once_and_mailed_by_the_notifier()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var kernel = _app.InternalClient();
        await ann.SendAsync(HttpMethod.Put, $"{Wishlist}/{Elden}", new { targetPrice = 11m });

        // 9 from the supplier sells at 10.44; the second push repeats the price.
        (await kernel.PostAsJsonAsync("/kernel/catalog/offers/changes", new OfferChange("kinguin", "k-1", 9m, null, null, null, Synced.AddMinutes(1))))
            .EnsureSuccessStatusCode();
        (await kernel.PostAsJsonAsync("/kernel/catalog/offers/changes", new OfferChange("kinguin", "k-1", 9m, null, 4, null, Synced.AddMinutes(2))))
            .EnsureSuccessStatusCode();

        var mail = await Mailbox.MailAsync(_app, "ann@example.com", "Elden Ring is now");
        mail.TextBody.Should().Contain("Elden Ring is now €10.44, at or below your target");
        (await ItemsAsync(ann)).EnumerateArray().Single().GetProperty("reached").GetBoolean().Should().BeTrue();
        await using var connection = new NpgsqlConnection(_app.DatabaseConnectionString);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM messaging.outbox WHERE topic = 'wishlist-price-dropped'")).Should().Be(1);
    }
}
