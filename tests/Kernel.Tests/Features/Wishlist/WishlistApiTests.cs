using System.Net;
using System.Net.Http.Json;
using GamesDrop.Kernel.Features.Wishlist;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Wishlist;

public sealed class WishlistApiTests : CatalogTest
{
    private const string Elden = "elden-ring-steam-global";
    private Guid _ann;
    private Guid _bob;

    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", "Elden Ring", price: 10m), Offer("k-2", "Hades", price: 5m, stock: 0));
        _ann = await Client.CreateUserAsync("ann@example.com");
        _bob = await Client.CreateUserAsync("bob@example.com");
    }

    private async Task<IReadOnlyList<WishlistItem>> ListAsync(Guid userId) =>
        (await Client.GetFromJsonAsync<IReadOnlyList<WishlistItem>>($"/kernel/users/{userId}/wishlist"))!;

    [Fact]
    public async Task A_product_is_added_with_a_target_updated_listed_and_removed()
    {
        var added = await Client.PutWishAsync(_ann, Elden, 11m);
        var unpriced = await Client.PutWishAsync(_ann, "hades-steam-global", null);
        var updated = await Client.PutWishAsync(_ann, Elden, 12m);
        var list = await ListAsync(_ann);

        var removed = await Client.DeleteAsync($"/kernel/users/{_ann}/wishlist/{Elden}");
        var removedAgain = await Client.DeleteAsync($"/kernel/users/{_ann}/wishlist/{Elden}");

        (added.StatusCode, unpriced.StatusCode, updated.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK));
        (await added.Content.ReadFromJsonAsync<WishlistItem>()).Should().BeEquivalentTo(new
        {
            Slug = Elden, Title = "Elden Ring", Platform = "Steam", Region = "GLOBAL", ImageUrl = "https://img.example/k-1.jpg",
            Price = 11.56m, Currency = "EUR", InStock = true, TargetPrice = 11m, Reached = false,
        });
        list.Select(i => (i.Slug, i.Price, i.InStock, i.TargetPrice, i.Reached)).Should().BeEquivalentTo(new[]
        {
            (Elden, (decimal?)11.56m, true, (decimal?)12m, true),
            ("hades-steam-global", null, false, null, false),
        });
        (removed.StatusCode, removedAgain.StatusCode).Should().Be((HttpStatusCode.NoContent, HttpStatusCode.NotFound));
        (await ListAsync(_ann)).Select(i => i.Slug).Should().Equal("hades-steam-global");
    }

    [Fact]
    public async Task Another_users_items_are_neither_listed_nor_removable_and_their_own_put_leaves_them_alone()
    {
        await Client.PutWishAsync(_ann, Elden, 11m);

        var bobsList = await ListAsync(_bob);
        var bobDeletes = await Client.DeleteAsync($"/kernel/users/{_bob}/wishlist/{Elden}");
        var bobPuts = await Client.PutWishAsync(_bob, Elden, 20m);

        bobsList.Should().BeEmpty();
        bobDeletes.StatusCode.Should().Be(HttpStatusCode.NotFound);
        bobPuts.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync(_ann)).Single().TargetPrice.Should().Be(11m);
    }

    [Fact]
    public async Task An_unknown_product_or_user_is_a_404_problem()
    {
        var product = await Client.PutWishAsync(_ann, "no-such-game", 10m);
        var user = await Client.PutWishAsync(Guid.NewGuid(), Elden, 10m);

        foreach (var response in new[] { product, user })
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
        (await App.ScalarAsync<long>("SELECT count(*) FROM wishlist_items")).Should().Be(0);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.234")]
    [InlineData("100000.01")]
    public async Task A_bad_target_is_a_400_naming_the_field_and_writes_nothing(string target)
    {
        var response = await Client.PutAsync($"/kernel/users/{_ann}/wishlist/{Elden}",
            new StringContent($"{{\"targetPrice\":{target}}}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("argetPrice");
        (await App.ScalarAsync<long>("SELECT count(*) FROM wishlist_items")).Should().Be(0);
    }

    [Fact]
    public async Task A_wishlist_holds_at_most_100_products_but_a_listed_one_can_still_be_updated()
    {
        var offers = Enumerable.Range(1, 101).Select(i => Offer($"g-{i}", $"Game {i}")).ToArray();
        await Client.PostBatchAsync("kinguin", null, offers);
        for (var i = 1; i <= 100; i++)
        {
            (await Client.PutWishAsync(_ann, $"game-{i}-steam-global", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var oneMore = await Client.PutWishAsync(_ann, "game-101-steam-global", null);
        var update = await Client.PutWishAsync(_ann, "game-1-steam-global", 5m);

        oneMore.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        oneMore.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        update.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ListAsync(_ann)).Should().HaveCount(100);
    }
}
