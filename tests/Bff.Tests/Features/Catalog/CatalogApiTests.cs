using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.TestSupport;
using Npgsql;

namespace GamesDrop.Bff.Tests.Features.Catalog;

public sealed class CatalogApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;
    private HttpClient _public = null!;

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync();
        _public = _app.PublicClient();
        using var kernel = _app.InternalClient();
        await kernel.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = true });
        var batch = await kernel.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch("kinguin", null,
        [
            new SupplierOffer("k-1", "Elden Ring Steam Key GLOBAL", "Steam", "GLOBAL", "", ["RPG"], new DateOnly(2022, 2, 25),
                "Open-world action RPG.", "Redeem on Steam.", null, 10m, "EUR", 5, true, DateTimeOffset.UtcNow),
        ]));
        batch.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _public.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Shoppers_search_without_signing_in_and_get_prices_with_their_currency()
    {
        var result = await _public.GetFromJsonAsync<JsonElement>("/bff/api/catalog/search?q=eldan%20ring");
        var suggestions = await _public.GetFromJsonAsync<List<string>>("/bff/api/catalog/suggest?q=eld");

        var item = result.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("title").GetString().Should().Be("Elden Ring");
        item.GetProperty("price").GetDecimal().Should().Be(11.56m);
        item.GetProperty("currency").GetString().Should().Be("EUR");
        item.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).Should().Equal("Steam");
        result.GetProperty("facets").GetProperty("platform")[0].GetProperty("value").GetString().Should().Be("Steam");
        suggestions.Should().Equal("Elden Ring");
        result.GetProperty("suggestion").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_search_nothing_matches_passes_on_the_closest_title_and_its_results()
    {
        var result = await _public.GetFromJsonAsync<JsonElement>("/bff/api/catalog/search?q=elden%20rnig");

        result.GetProperty("suggestion").GetString().Should().Be("Elden Ring");
        result.GetProperty("items")[0].GetProperty("title").GetString().Should().Be("Elden Ring");
    }

    [Theory]
    [InlineData("pageSize=500")]
    [InlineData("page=abc")]
    public async Task Bad_search_parameters_get_a_400_problem(string query)
    {
        var response = await _public.GetAsync("/bff/api/catalog/search?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task A_product_page_with_stale_offers_is_answered_from_the_catalog_and_hands_them_on_for_a_refresh()
    {
        await using (var connection = new NpgsqlConnection(_app.DatabaseConnectionString))
        {
            await connection.ExecuteAsync("UPDATE supplier_offers SET synced_at = now() - interval '1 hour'");
        }

        var response = await _public.GetAsync("/bff/api/catalog/products/elden-ring-steam-global");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        page.GetProperty("activationNotes").GetString().Should().Be("Redeem on Steam.");
        page.GetProperty("price").GetDecimal().Should().Be(11.56m);
        var offer = page.GetProperty("offers").EnumerateArray().Single();
        offer.GetProperty("supplier").GetString().Should().Be("Kinguin");
        offer.GetProperty("stale").GetBoolean().Should().BeTrue();
        offer.GetProperty("allInPrice").GetDecimal().Should().Be(11.56m, "the only offer sells at the store price");
        offer.GetProperty("secondsToKey").ValueKind.Should().Be(JsonValueKind.Null, "no order has told yet");
        offer.TryGetProperty("sku", out _).Should().BeFalse("supplier SKUs are internal");
        page.GetProperty("activatesIn").GetString().Should().Be("every country");
        page.GetProperty("priceHistory").GetProperty("lowest").GetDecimal().Should().Be(11.56m);
        page.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("slug").GetString()).Should().Equal("elden-ring-steam-global");
        (await Eventually.HoldsAsync(() => Task.FromResult(_app.Logs.Events.Any(e => e.Properties.ContainsKey("RequestPath")
            && e.Properties["RequestPath"].ToString().Trim('"') == "/suppliers/offers/refresh")))).Should().BeTrue("the page handed its stale offer on");
    }

    [Fact]
    public async Task The_home_rows_are_the_kernels_games()
    {
        var home = await _public.GetFromJsonAsync<JsonElement>("/bff/api/catalog/home");

        home.GetProperty("newReleases").EnumerateArray().Select(i => i.GetProperty("title").GetString()).Should().Equal("Elden Ring");
        home.GetProperty("deals").GetArrayLength().Should().Be(0, "no price has fallen");
    }

    [Fact]
    public async Task An_unknown_product_is_not_found()
    {
        (await _public.GetAsync("/bff/api/catalog/products/no-such-game")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
