using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Embedded.Runtime.Resiliency;
using GamesDrop.Suppliers.Adapters.Kinguin;
using GamesDrop.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.Suppliers.Tests.Features.Refresh;

/// <summary>Product views against the Kinguin simulator: pages come from the catalog at once; stale offers are re-read behind them.</summary>
public sealed class ProductViewRefreshTests : IAsyncLifetime
{
    private StoreWithSandbox _store = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreWithSandbox.StartAsync();
        await _store.SyncAsync("kinguin", full: true);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task SetKinguinFaultsAsync(object faults)
    {
        using var admin = _store.Sandbox.Admin();
        (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", faults)).EnsureSuccessStatusCode();
    }

    // A full sync confirms every offer it saw, so its time goes back too.
    private Task MakeKinguinOffersStaleAsync() => _store.QueryAsync<int>("""
        WITH offers AS (UPDATE supplier_offers SET synced_at = now() - interval '1 hour' WHERE supplier_code = 'kinguin' RETURNING 1),
             supplier AS (UPDATE suppliers SET last_full_sync_at = now() - interval '1 hour' WHERE code = 'kinguin' RETURNING 1)
        SELECT (SELECT count(*) FROM offers)::int + (SELECT count(*) FROM supplier)::int
        """);

    private static async Task<JsonElement> KinguinOfferOnPageAsync(HttpClient shopper, string slug)
    {
        using var response = await shopper.GetAsync($"/bff/api/catalog/products/{slug}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("offers").EnumerateArray().First(o => o.GetProperty("supplier").GetString() == "Kinguin");
    }

    [Fact]
    public async Task A_view_answers_from_the_catalog_at_once_and_the_changed_offer_is_read_behind_it()
    {
        var (slug, sku, price) = await _store.QueryAsync<(string, string, decimal)>(
            "SELECT p.slug, o.supplier_sku, o.price FROM supplier_offers o JOIN products p ON p.id = o.product_id WHERE o.supplier_code = 'kinguin' ORDER BY o.id LIMIT 1");
        await SetKinguinFaultsAsync(new { priceMultiplier = 2 });
        await MakeKinguinOffersStaleAsync();
        using var shopper = _store.Store.PublicClient();

        var first = await KinguinOfferOnPageAsync(shopper, slug);
        var refreshed = await Eventually.HoldsAsync(async () =>
            await _store.QueryAsync<bool>("SELECT price > @Price AND synced_at > now() - interval '10 minutes' FROM supplier_offers WHERE supplier_code = 'kinguin' AND supplier_sku = @Sku",
                new { Price = price, Sku = sku }), TimeSpan.FromSeconds(30));
        var later = await KinguinOfferOnPageAsync(shopper, slug);

        first.GetProperty("stale").GetBoolean().Should().BeTrue("the first view is answered from the catalog, not after a supplier call");
        refreshed.Should().BeTrue("the view queued the stale offer and the refresh applied Kinguin's new price");
        later.GetProperty("stale").GetBoolean().Should().BeFalse();
        later.GetProperty("price").GetDecimal().Should().BeGreaterThan(first.GetProperty("price").GetDecimal());
    }

    [Fact]
    public async Task Views_while_the_supplier_fails_are_answered_and_open_only_the_refresh_breaker()
    {
        var slugs = await _store.QueryAsync<string[]>(
            "SELECT array_agg(slug) FROM (SELECT DISTINCT p.slug FROM supplier_offers o JOIN products p ON p.id = o.product_id WHERE o.supplier_code = 'kinguin' ORDER BY p.slug LIMIT 10) s");
        await SetKinguinFaultsAsync(new { errorRate = 1.0, errorStatus = 500 });
        await MakeKinguinOffersStaleAsync();
        var breakers = _store.Store.Services.GetRequiredService<CircuitBreakers>();
        using var shopper = _store.Store.PublicClient();

        foreach (var slug in slugs)
        {
            (await KinguinOfferOnPageAsync(shopper, slug)).GetProperty("stale").GetBoolean().Should().BeTrue();
        }
        var refreshBreakerOpened = await Eventually.HoldsAsync(
            () => Task.FromResult(breakers.StateOf(KinguinSupplier.RefreshEndpointName) == BreakerState.Open), TimeSpan.FromSeconds(30));

        refreshBreakerOpened.Should().BeTrue("ten failing re-reads trip the refresh breaker (consecutiveFailures > 5)");
        breakers.StateOf(KinguinSupplier.EndpointName).Should().NotBe(BreakerState.Open, "page views never trip the breaker purchases use");
        using var internalClient = _store.Store.InternalClient();
        var health = (await internalClient.GetFromJsonAsync<List<SupplierHealth>>("/suppliers/supplier-health"))!.Single(h => h.Supplier == "kinguin");
        (health.Circuit, health.Reachable).Should().Be(("Closed", true), "failed re-reads neither open the purchase circuit nor mark Kinguin down");
        (await _store.QueryAsync<bool>("SELECT reachable FROM suppliers WHERE code = 'kinguin'")).Should().BeTrue();
    }
}
