using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Pricing;
using GamesDrop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static GamesDrop.Kernel.Tests.Features.CatalogData;

namespace GamesDrop.Kernel.Tests.Features.Pricing;

/// <summary>
/// Expected prices by hand: (cost + max(cost × margin%, floor) + 0.35) / (1 − 3.49 %), rounded up to the cent.
/// The default rule is 8 % with a 0.30 floor; USD is worth 0.92 EUR.
/// </summary>
public sealed class PricingTests : CatalogTest
{
    protected override async Task SeedAsync()
    {
        await Client.RegisterSupplierAsync("kinguin");
        await Client.RegisterSupplierAsync("digiflazz");
    }

    [Fact]
    public async Task The_default_margin_its_floor_and_conversion_make_the_price_the_buyer_pays()
    {
        await Client.PostBatchAsync("kinguin", null,
            Offer("k-1", "Elden Ring", price: 10m),
            Offer("k-2", "Celeste", price: 2m),
            Offer("k-3", "Hades", price: 10m, currency: "USD"));

        // 10 + 0.80 + 0.35 = 11.15 / 0.9651 = 11.5532…; 2 + 0.30 floor + 0.35 = 2.65 / 0.9651 = 2.7458…; 9.20 + 0.736 + 0.35 = 10.286 / 0.9651 = 10.6579…
        (await App.PriceAsync("elden-ring-steam-global")).Should().Be(11.56m);
        (await App.PriceAsync("celeste-steam-global")).Should().Be(2.75m);
        (await App.PriceAsync("hades-steam-global")).Should().Be(10.66m);
    }

    [Fact]
    public async Task The_most_specific_margin_rule_wins()
    {
        await Client.PostBatchAsync("kinguin", null,
            Offer("k-rpg", "Elden Ring", genres: ["RPG"]),
            Offer("k-action", "Doom Eternal", genres: ["Action"]));
        await Client.PostBatchAsync("digiflazz", null,
            Offer("d-rpg", "Baldur's Gate 3", genres: ["RPG"]),
            Offer("d-action", "Hades", genres: ["Action"]));
        await App.ScalarAsync<int>("""
            INSERT INTO margin_rules (supplier_code, genre, margin_percent, min_margin) VALUES
                ('kinguin', NULL, 10, 0), (NULL, 'rpg', 12, 0), ('kinguin', 'RPG', 15, 0);
            SELECT 1
            """);

        await RepriceAllAsync();

        // 11.85 / 0.9651 = 12.2785…; 11.35 / 0.9651 = 11.7604…; 11.55 / 0.9651 = 11.9676…; 11.15 / 0.9651 = 11.5532…
        (await App.PriceAsync("elden-ring-steam-global")).Should().Be(12.28m, "supplier and genre");
        (await App.PriceAsync("doom-eternal-steam-global")).Should().Be(11.77m, "supplier");
        (await App.PriceAsync("baldurs-gate-3-steam-global")).Should().Be(11.97m, "genre, as the settings page stores it (lower case) for the catalog's RPG");
        (await App.PriceAsync("hades-steam-global")).Should().Be(11.56m, "default");
    }

    [Fact]
    public async Task An_unreachable_suppliers_offers_stop_counting_until_it_is_back()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 10m, stock: 4));
        await Client.PostBatchAsync("digiflazz", null, Offer("d-1", price: 9m, stock: 7));
        var both = await StockAndPriceAsync();

        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/digiflazz/availability", new SupplierAvailability("digiflazz", false));
        var kinguinOnly = await StockAndPriceAsync();
        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/digiflazz/availability", new SupplierAvailability("digiflazz", true));

        // 9 + 0.72 + 0.35 = 10.07 / 0.9651 = 10.4341…
        both.Should().Be((11, 10.44m));
        kinguinOnly.Should().Be((4, 11.56m));
        (await StockAndPriceAsync()).Should().Be(both);
    }

    [Fact]
    public async Task Offers_out_of_stock_or_unavailable_or_from_a_disabled_supplier_do_not_count()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 10m), Offer("k-2", "Hades", price: 5m, stock: 0));
        await Client.PostBatchAsync("digiflazz", null, Offer("d-1", price: 9m, available: false), Offer("d-2", "Hades", price: 9m));

        (await App.PriceAsync("elden-ring-steam-global")).Should().Be(11.56m);
        (await App.PriceAsync("hades-steam-global")).Should().Be(10.44m);

        await Client.PutAsJsonAsync("/kernel/catalog/suppliers/digiflazz", new { name = "Digiflazz", currency = "EUR", enabled = false });

        (await App.QueryAsync<(decimal?, bool, int)>("SELECT price, in_stock, stock_total FROM products WHERE slug = 'hades-steam-global'"))
            .Should().Equal([(null, false, 0)]);
    }

    [Fact]
    public async Task A_changed_exchange_rate_reprices_offers_in_that_currency()
    {
        await Client.PostBatchAsync("kinguin", null, Offer("k-1", price: 10m, currency: "USD"));

        await Client.PutAsJsonAsync("/kernel/currency-rates/USD", new { rateToStore = 1m });

        (await Eventually.HoldsAsync(async () => await App.PriceAsync("elden-ring-steam-global") == 11.56m)).Should().BeTrue();
    }

    private async Task<(int Stock, decimal? Price)> StockAndPriceAsync() =>
        (await App.QueryAsync<(int, decimal?)>("SELECT stock_total, price FROM products WHERE slug = 'elden-ring-steam-global'")).Single();

    private async Task RepriceAllAsync()
    {
        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await App.Services.GetRequiredService<Repricer>().RepriceAllAsync(transaction, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
