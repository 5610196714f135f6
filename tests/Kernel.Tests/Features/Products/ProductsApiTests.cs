using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Products;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Products;

public sealed class ProductsApiTests : CatalogTest
{
    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.RegisterSupplierAsync("digiflazz", "USD");
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", "Elden Ring", price: 30m, stock: 4, genres: ["RPG"]));
        await Client.PostBatchAsync("digiflazz", null, Offer("d-1", "ELDEN RING Steam Key", price: 25m, currency: "USD", stock: 9));
    }

    [Fact]
    public async Task A_product_page_has_what_a_buyer_needs_and_every_offer_behind_it()
    {
        await App.ScalarAsync<int>("UPDATE supplier_offers SET synced_at = now() - interval '1 hour' WHERE supplier_sku = 'k-1' RETURNING 1");
        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin/availability", new SupplierAvailability("kinguin", false));

        var product = (await Client.GetFromJsonAsync<ProductDetail>("/kernel/catalog/products/elden-ring-steam-global"))!;

        // 25 USD × 0.92 = 23.00; + 1.84 + 0.35 = 25.19 / 0.9651 = 26.1009…
        product.Should().BeEquivalentTo(new
        {
            Title = "Elden Ring", Platform = "Steam", Region = "GLOBAL", Edition = "Standard", Genres = new[] { "RPG" },
            ReleaseDate = new DateOnly(2022, 2, 25), Description = "About Elden Ring.", ActivationNotes = "Redeem on Steam.",
            ImageUrl = "https://img.example/k-1.jpg", Price = 26.11m, Currency = "EUR", InStock = true, StockTotal = 9,
        });
        product.Offers.Should().BeEquivalentTo(new[]
        {
            new { Supplier = "digiflazz", Sku = "d-1", SupplierPrice = 25m, SupplierCurrency = "USD", Price = (decimal?)23.00m, Stock = 9,
                  Availability = OfferAvailability.Available, Best = true, Stale = false },
            new { Supplier = "kinguin", Sku = "k-1", SupplierPrice = 30m, SupplierCurrency = "EUR", Price = (decimal?)30.00m, Stock = 4,
                  Availability = OfferAvailability.SupplierUnavailable, Best = false, Stale = true },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_product_page_lists_every_variant_of_its_game_with_price_stock_and_where_it_activates()
    {
        await Client.PostBatchAsync("kinguin", null,
            Offer("k-2", "Elden Ring", price: 50m, platform: "Xbox", region: "EU", stock: 2),
            Offer("k-3", "Elden Ring", price: 40m, edition: "Deluxe", stock: 0),
            Offer("k-4", "Elden Ring Nightreign", price: 20m));

        var product = (await Client.GetFromJsonAsync<ProductDetail>("/kernel/catalog/products/elden-ring-xbox-eu"))!;

        product.ActivatesIn.Should().Be("Europe");
        product.Variants.Should().BeEquivalentTo(new[]
        {
            new { Slug = "elden-ring-steam-global", Platform = "Steam", Region = "GLOBAL", Edition = "Standard", Price = (decimal?)26.11m,
                  InStock = true, Stock = 13, ActivatesIn = "every country" },
            new { Slug = "elden-ring-steam-global-deluxe", Platform = "Steam", Region = "GLOBAL", Edition = "Deluxe", Price = (decimal?)null,
                  InStock = false, Stock = 0, ActivatesIn = "every country" },
            new { Slug = "elden-ring-xbox-eu", Platform = "Xbox", Region = "EU", Edition = "Standard", Price = (decimal?)56.32m,
                  InStock = true, Stock = 2, ActivatesIn = "Europe" },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_lookup_lists_the_known_slugs_as_search_does_in_one_call()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-2", "Hades", price: 20m, stock: 0));

        var response = await Client.PostAsJsonAsync("/kernel/catalog/products/lookup",
            new { slugs = new[] { "elden-ring-steam-global", "hades-steam-global", "no-such-game", "NOT A SLUG'; --" } });

        var result = (await response.Content.ReadFromJsonAsync<ProductLookupResult>())!;
        result.Currency.Should().Be("EUR");
        result.Items.Should().BeEquivalentTo(new[]
        {
            new { Slug = "elden-ring-steam-global", Title = "Elden Ring", Price = (decimal?)26.11m, InStock = true },
            new { Slug = "hades-steam-global", Title = "Hades", Price = (decimal?)null, InStock = false },
        });
    }

    [Fact]
    public async Task A_lookup_of_more_than_50_slugs_or_from_outside_is_refused()
    {
        var tooMany = await Client.PostAsJsonAsync("/kernel/catalog/products/lookup", new { slugs = Enumerable.Range(0, 51).Select(i => $"game-{i}") });
        using var outsider = App.PublicClient();
        var outside = await outsider.PostAsJsonAsync("/kernel/catalog/products/lookup", new { slugs = new[] { "elden-ring-steam-global" } });

        (tooMany.StatusCode, outside.StatusCode).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task An_unknown_or_malformed_slug_is_not_found()
    {
        (await Client.GetAsync("/kernel/catalog/products/no-such-game")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetAsync("/kernel/catalog/products/NOT%20A%20SLUG")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
