using System.Net;
using System.Net.Http.Json;
using GamesDrop.Suppliers.Features.Health;
using GamesDrop.Suppliers.Tests.Infrastructure;
using GamesDrop.TestSupport;
using static GamesDrop.Suppliers.Features.Purchases.PurchasesApi;

namespace GamesDrop.Suppliers.Tests.Features.Purchases;

public sealed class PurchasesTests : IAsyncLifetime
{
    private StoreWithSandbox _store = null!;

    public async Task InitializeAsync()
    {
        _store = await StoreWithSandbox.StartAsync();
        await _store.SyncAsync("kinguin", full: true);
        await _store.SyncAsync("digiflazz", full: true);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private sealed record SharedGame(string KinguinSku, decimal KinguinPrice, string DigiflazzSku, decimal DigiflazzPrice);

    private Task<SharedGame> SharedGameAsync() => _store.QueryAsync<SharedGame>("""
        SELECT k.supplier_sku AS KinguinSku, k.price AS KinguinPrice, d.supplier_sku AS DigiflazzSku, d.price AS DigiflazzPrice
        FROM supplier_offers k JOIN supplier_offers d ON d.product_id = k.product_id
        WHERE k.supplier_code = 'kinguin' AND d.supplier_code = 'digiflazz' AND k.available AND d.available AND k.stock > 2
        ORDER BY k.product_id LIMIT 1
        """);

    [Fact]
    public async Task A_failing_supplier_is_skipped_for_the_next_and_the_key_arrives_from_it()
    {
        var game = await SharedGameAsync();
        using var admin = _store.Sandbox.Admin();
        (await admin.PutAsJsonAsync("_sandbox/faults/kinguin", new { errorRate = 1.0, errorStatus = 500 })).EnsureSuccessStatusCode();
        using var client = _store.Store.InternalClient();
        var reference = "line-" + Guid.NewGuid().ToString("N")[..10];

        var response = await client.PostAsJsonAsync("/suppliers/purchases", new BuyRequest(reference, 1,
            [new Candidate("kinguin", game.KinguinSku, game.KinguinPrice), new Candidate("digiflazz", game.DigiflazzSku, game.DigiflazzPrice)]));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bought = (await response.Content.ReadFromJsonAsync<PurchaseResult>())!;
        bought.Supplier.Should().Be("digiflazz");
        var settled = bought;
        (await Eventually.HoldsAsync(async () =>
        {
            settled = (await (await client.PostAsJsonAsync("/suppliers/purchases/status", new StatusRequest(
                "digiflazz", bought.SupplierOrderId!, reference, game.DigiflazzSku, 1, game.DigiflazzPrice))).Content.ReadFromJsonAsync<PurchaseResult>())!;
            return settled.Status == "completed";
        }, TimeSpan.FromSeconds(10))).Should().BeTrue();
        settled.Keys.Should().ContainSingle().Which.Value.Should().NotBeNullOrWhiteSpace();
        var health = (await client.GetFromJsonAsync<List<SupplierHealth>>("/suppliers/supplier-health"))!;
        health.Single(h => h.Supplier == "kinguin").FillRate.Should().Be(0);
        health.Single(h => h.Supplier == "digiflazz").FillRate.Should().Be(1);
        health.Single(h => h.Supplier == "digiflazz").MedianSecondsToKey.Should().NotBeNull();
        _store.Store.Logs.AllText.Should().NotContain(settled.Keys[0].Value, "keys never reach the logs");
    }

    [Fact]
    public async Task When_every_candidate_fails_the_purchase_is_a_conflict_naming_each_reason()
    {
        var game = await SharedGameAsync();
        using var client = _store.Store.InternalClient();

        var response = await client.PostAsJsonAsync("/suppliers/purchases", new BuyRequest("cap-" + Guid.NewGuid().ToString("N")[..10], 1,
            [new Candidate("digiflazz", game.DigiflazzSku, 1m)]));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<PurchaseResult>())!.Failure.Should().Contain("digiflazz").And.Contain("rc 69");
    }

    [Fact]
    public async Task Malformed_purchases_are_refused_before_any_supplier_is_called()
    {
        using var client = _store.Store.InternalClient();

        var response = await client.PostAsJsonAsync("/suppliers/purchases", new BuyRequest("", 50, []));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("reference").And.Contain("quantity").And.Contain("candidates");
    }
}
