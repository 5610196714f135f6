using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Home;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Home;

public sealed class HomeApiTests : CatalogTest
{
    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.PostBatchAsync("kinguin", null,
            Offer("er-steam", "Elden Ring", price: 30m, releaseDate: new DateOnly(2022, 2, 25)),
            Offer("er-xbox", "Elden Ring", price: 50m, platform: "Xbox", releaseDate: new DateOnly(2022, 2, 25)),
            Offer("hades", "Hades", price: 20m, releaseDate: new DateOnly(2020, 9, 17)),
            Offer("celeste", "Celeste", price: 5m, releaseDate: new DateOnly(2018, 1, 25)),
            Offer("future", "Future Game", price: 40m, releaseDate: new DateOnly(2099, 1, 1)));
    }

    private async Task<HomeRows> HomeAsync() => (await Client.GetFromJsonAsync<HomeRows>("/kernel/catalog/home"))!;

    [Fact]
    public async Task A_price_below_its_usual_is_a_deal_and_a_game_sold_out_and_restocked_is_back_in_stock()
    {
        var before = await HomeAsync();

        await Client.PostBatchAsync("kinguin", null, Offer("er-xbox", "Elden Ring", price: 20m, platform: "Xbox", releaseDate: new DateOnly(2022, 2, 25)));
        await Client.PostBatchAsync("kinguin", null, Offer("celeste", "Celeste", price: 5m, stock: 0, releaseDate: new DateOnly(2018, 1, 25)));
        var soldOut = await HomeAsync();
        await Client.PostBatchAsync("kinguin", null, Offer("celeste", "Celeste", price: 5m, stock: 3, releaseDate: new DateOnly(2018, 1, 25)));
        var after = await HomeAsync();
        // A price cut after the comeback is a new price, not a new comeback: the game stays in the row.
        await Client.PostBatchAsync("kinguin", null, Offer("celeste", "Celeste", price: 4m, stock: 3, releaseDate: new DateOnly(2018, 1, 25)));
        var repriced = await HomeAsync();

        before.Deals.Should().BeEmpty("no price has fallen yet");
        before.BackInStock.Should().BeEmpty();
        soldOut.BackInStock.Should().BeEmpty();
        var deal = after.Deals.Should().ContainSingle().Which;
        (deal.Title, deal.Platform, deal.Platforms.Count).Should().Be(("Elden Ring", "Xbox", 2));
        after.BackInStock.Select(i => i.Title).Should().Equal("Celeste");
        repriced.BackInStock.Select(i => i.Title).Should().Equal("Celeste");
    }

    [Fact]
    public async Task New_releases_are_out_already_latest_first_and_bestsellers_count_the_whole_game()
    {
        await App.ScalarAsync<int>("INSERT INTO game_sales (search_title, sold) VALUES ('hades', 3), ('elden ring', 7) RETURNING 1");

        var home = await HomeAsync();

        home.NewReleases.Select(i => i.Title).Should().Equal(["Elden Ring", "Hades", "Celeste"], "one card per game; the future game is not out yet");
        home.Bestsellers.Select(i => i.Title).Should().Equal(["Elden Ring", "Hades"]);
        home.Bestsellers[0].Price.Should().Be(33.94m, "a game is sold from its cheapest variant in stock");
    }
}
