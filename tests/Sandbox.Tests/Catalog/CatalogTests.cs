using System.Diagnostics;
using GamesDrop.Sandbox.Catalog;
using GamesDrop.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GamesDrop.Sandbox.Tests.Catalog;

public sealed class CatalogTests(ITestOutputHelper output) : SandboxTest
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void Default_catalog_has_500_plus_products_and_the_suppliers_overlap_on_about_half()
    {
        var catalog = CatalogGenerator.Generate(new CatalogOptions(), Today);

        var both = catalog.Games.Count(g => g.Kinguin is not null && g.Digiflazz is not null);

        catalog.Games.Count.Should().BeGreaterThanOrEqualTo(500);
        ((double)both / catalog.Games.Count).Should().BeInRange(0.45, 0.65);
        catalog.Games.Should().OnlyContain(g => g.Kinguin != null || g.Digiflazz != null);
        catalog.Games.Select(g => g.Platform.Name).Distinct().Should().HaveCount(Platform.All.Count);
        catalog.Games.Select(g => g.Region.Code).Distinct().Should().HaveCount(Region.All.Count);
        catalog.Games.Select(g => g.Edition.Name).Distinct().Should().HaveCount(Edition.All.Count);
        catalog.Games.Select(g => g.Title).Distinct().Count().Should().BeGreaterThan(150, "titles vary and come on several platforms");
    }

    [Fact]
    public void The_same_seed_gives_the_same_catalog_and_another_seed_another()
    {
        var options = new CatalogOptions { Products = 300, Seed = 7 };

        var first = CatalogGenerator.Generate(options, Today);
        var second = CatalogGenerator.Generate(options, Today);
        var other = CatalogGenerator.Generate(new CatalogOptions { Products = 300, Seed = 8 }, Today);

        second.Games.Select(Fingerprint).Should().Equal(first.Games.Select(Fingerprint));
        other.Games.Select(Fingerprint).Should().NotEqual(first.Games.Select(Fingerprint));
    }

    [Fact]
    public void Suppliers_differ_in_price_and_stock_but_name_the_same_game_the_same_way()
    {
        var catalog = CatalogGenerator.Generate(new CatalogOptions(), Today);

        var shared = catalog.Games.Where(g => g.Kinguin is not null && g.Digiflazz is not null).ToList();

        shared.Should().OnlyContain(g => g.Digiflazz!.Price % 100 == 0 && g.Digiflazz.Price > 10_000, "IDR, whole hundreds");
        shared.Select(g => g.Kinguin!.Offers.Min(o => o.Price) * 17_500m / g.Digiflazz!.Price).Distinct().Count()
            .Should().BeGreaterThan(shared.Count / 2, "each supplier prices on its own");
        catalog.Games.Should().Contain(g => g.Digiflazz != null && !g.Digiflazz.SellerProductStatus);
        catalog.Games.Should().Contain(g => g.Kinguin != null && g.Kinguin.Offers.All(o => o.Qty == 0));
        catalog.Games.Should().Contain(g => g.IsPreorder && g.ReleaseDate > Today);
    }

    [Fact]
    public async Task Digiflazz_name_and_brand_match_the_Kinguin_product_of_the_same_game()
    {
        var catalog = (DemoCatalog)Sandbox.Services.GetService(typeof(DemoCatalog))!;
        var game = catalog.Games.First(g => g.Kinguin is not null && g.Digiflazz is not null && !g.Edition.IsStandard);

        var kinguin = await Sandbox.Kinguin().GetJsonAsync($"/kinguin/esa/api/v1/products/{game.Kinguin!.KinguinId}");
        var (_, list) = await Sandbox.Digiflazz().PriceListAsync(new { code = game.Digiflazz!.Sku });

        var item = list[0];
        item.GetProperty("product_name").GetString().Should().Be($"{kinguin.GetProperty("originalName").GetString()} {item.GetProperty("brand").GetString()} Key {game.Region.Code}");
        item.GetProperty("brand").GetString().Should().Be(game.Platform.Name);
        kinguin.GetProperty("platform").GetString().Should().Be(game.Platform.KinguinName);
        kinguin.GetProperty("originalName").GetString().Should().EndWith(game.Edition.Name);
    }

    [Fact]
    public void A_100k_catalog_generates_quickly()
    {
        var timer = Stopwatch.StartNew();

        var catalog = CatalogGenerator.Generate(new CatalogOptions { Products = 100_000 }, Today);

        timer.Stop();
        output.WriteLine($"100 000 products generated in {timer.ElapsedMilliseconds} ms " +
            $"({catalog.Kinguin.Count} on Kinguin, {catalog.Digiflazz.Count} on Digiflazz)");
        catalog.Games.Should().HaveCount(100_000);
        catalog.Games.Select(g => (g.Title, g.Edition, g.Platform, g.Region)).Distinct().Count().Should().Be(100_000);
    }

    [Fact]
    public async Task Covers_are_SVG_of_the_asked_size()
    {
        using var cover = await Sandbox.CreateClient().GetAsync("/images/3.svg?w=300&h=400");
        using var missing = await Sandbox.CreateClient().GetAsync("/images/999999.svg");

        cover.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await cover.Content.ReadAsStringAsync()).Should().StartWith("<svg").And.Contain("width=\"300\" height=\"400\"");
        ((int)missing.StatusCode).Should().Be(404);
    }

    private static string Fingerprint(Game g) =>
        $"{g.Title}|{g.Edition.Name}|{g.Platform.Code}|{g.Region.Code}|{g.Kinguin?.ProductId}|{g.Kinguin?.Offers[0].Price}|{g.Digiflazz?.Price}";
}
