using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;
using GamesDrop.TestSupport;
using static GamesDrop.Suppliers.Features.Purchases.PurchasesApi;

namespace GamesDrop.Suppliers.Tests.Features.Purchases;

public sealed class PurchasesTests : IAsyncLifetime
{
    private StoreWithSandbox _store = null!;

    public async Task InitializeAsync()
    {
        // A short attempt so a hanging supplier costs the test seconds, not a minute; a slow but healthy call that hits it
        // is checked by reference like any lost reply, so no outcome depends on the machine's speed.
        _store = await StoreWithSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Suppliers:Purchases:AttemptTimeout"] = "00:00:02",
            ["Suppliers:Purchases:CheckBackoff"] = "00:00:00.100",
        });
        await _store.SyncAsync("kinguin", full: true);
        await _store.SyncAsync("digiflazz", full: true);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private sealed record SharedGame(string KinguinSku, decimal KinguinPrice, string DigiflazzSku, decimal DigiflazzPrice)
    {
        public Candidate Kinguin => new("kinguin", KinguinSku, KinguinPrice);
        public Candidate Digiflazz => new("digiflazz", DigiflazzSku, DigiflazzPrice);
    }

    private Task<SharedGame> SharedGameAsync() => _store.QueryAsync<SharedGame>("""
        SELECT k.supplier_sku AS KinguinSku, k.price AS KinguinPrice, d.supplier_sku AS DigiflazzSku, d.price AS DigiflazzPrice
        FROM supplier_offers k JOIN supplier_offers d ON d.product_id = k.product_id
        WHERE k.supplier_code = 'kinguin' AND d.supplier_code = 'digiflazz' AND k.available AND d.available AND k.stock > 2
        ORDER BY k.product_id LIMIT 1
        """);

    private static string NewReference() => "line-" + Guid.NewGuid().ToString("N")[..10];

    private async Task FaultAsync(string partner, object settings)
    {
        using var admin = _store.Sandbox.Admin();
        (await admin.PutAsJsonAsync($"_sandbox/faults/{partner}", settings)).EnsureSuccessStatusCode();
    }

    private async Task<(HttpStatusCode Status, PurchaseResult Result)> BuyAsync(string reference, params Candidate[] candidates)
    {
        using var client = _store.Store.InternalClient();
        using var response = await client.PostAsJsonAsync("/suppliers/purchases", new BuyRequest(reference, 1, candidates));
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<PurchaseResult>())!);
    }

    /// <summary>Kinguin's order book, read the way the adapter asks: orders placed under our reference.</summary>
    private async Task<List<string>> KinguinOrdersAsync(string reference)
    {
        using var kinguin = new HttpClient { BaseAddress = _store.Sandbox.KinguinApi };
        kinguin.DefaultRequestHeaders.Add("X-Api-Key", SandboxHost.KinguinKey);
        var found = await kinguin.GetFromJsonAsync<JsonElement>($"v1/order?orderExternalId={reference}");
        return [.. found.GetProperty("results").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!)];
    }

    /// <summary>Digiflazz's ledger, read through the sandbox admin: re-sending the ref_id would make the transaction.</summary>
    private async Task<bool> DigiflazzHasAsync(string refId)
    {
        using var admin = _store.Sandbox.Admin();
        using var response = await admin.GetAsync($"_sandbox/digiflazz/transactions/{refId}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task A_supplier_that_times_out_but_sold_is_bought_from_and_the_next_is_never_called()
    {
        var game = await SharedGameAsync();
        await FaultAsync("kinguin", new { purchaseFault = "hang-after" });
        var reference = NewReference();

        var (status, bought) = await BuyAsync(reference, game.Kinguin, game.Digiflazz);

        status.Should().Be(HttpStatusCode.OK);
        bought.Supplier.Should().Be("kinguin");
        bought.Status.Should().BeOneOf("pending", "completed");
        (await KinguinOrdersAsync(reference)).Should().ContainSingle().Which.Should().Be(bought.SupplierOrderId);
        (await DigiflazzHasAsync(reference)).Should().BeFalse("the second candidate is never called");
        bought.Currency.Should().Be("EUR");
        bought.UnitCost.Should().BePositive().And.BeLessThanOrEqualTo(game.KinguinPrice);
    }

    [Fact]
    public async Task A_digiflazz_sale_answered_with_5xx_is_read_back_by_resending_its_ref_id()
    {
        var game = await SharedGameAsync();
        await FaultAsync("digiflazz", new { purchaseFault = "error-after", errorStatus = 500 });
        var reference = NewReference();

        var (status, bought) = await BuyAsync(reference, game.Digiflazz, game.Kinguin);

        status.Should().Be(HttpStatusCode.OK);
        bought.Supplier.Should().Be("digiflazz");
        bought.Status.Should().BeOneOf("pending", "completed");
        (await KinguinOrdersAsync(reference)).Should().BeEmpty("the second candidate is never called");
        bought.Currency.Should().Be("IDR");
        bought.UnitCost.Should().BePositive().And.BeLessThanOrEqualTo(game.DigiflazzPrice);
    }

    [Fact]
    public async Task A_supplier_that_failed_before_selling_is_failed_over_once_it_says_so_and_the_key_arrives_from_the_next()
    {
        var game = await SharedGameAsync();
        await FaultAsync("kinguin", new { purchaseFault = "error-before", errorStatus = 500 });
        using var client = _store.Store.InternalClient();
        var reference = NewReference();

        var (status, bought) = await BuyAsync(reference, game.Kinguin, game.Digiflazz);

        status.Should().Be(HttpStatusCode.OK);
        bought.Supplier.Should().Be("digiflazz");
        (await KinguinOrdersAsync(reference)).Should().BeEmpty();
        var settled = bought;
        (await Eventually.HoldsAsync(async () =>
        {
            settled = (await (await client.PostAsJsonAsync("/suppliers/purchases/status", new StatusRequest(
                "digiflazz", bought.SupplierOrderId!, reference, game.DigiflazzSku, 1, game.DigiflazzPrice))).Content.ReadFromJsonAsync<PurchaseResult>())!;
            return settled.Status == "completed";
        }, TimeSpan.FromSeconds(30))).Should().BeTrue();
        settled.Keys.Should().ContainSingle().Which.Value.Should().NotBeNullOrWhiteSpace();
        var health = (await client.GetFromJsonAsync<List<SupplierHealth>>("/suppliers/supplier-health"))!;
        health.Single(h => h.Supplier == "kinguin").FillRate.Should().Be(0);
        health.Single(h => h.Supplier == "digiflazz").FillRate.Should().Be(1);
        health.Single(h => h.Supplier == "digiflazz").MedianSecondsToKey.Should().NotBeNull();
        (await _store.QueryAsync<string>(
            "SELECT string_agg(supplier_code || ':' || outcome || ':' || (seconds_to_key IS NOT NULL), ',' ORDER BY supplier_code) FROM supplier_purchases WHERE reference = @Reference",
            new { Reference = reference })).Should().Be("digiflazz:fulfilled:true,kinguin:failed:false", "the kernel's scoreboard hears how each ended");
        _store.Store.Logs.AllText.Should().NotContain(settled.Keys[0].Value, "keys never reach the logs");
    }

    [Fact]
    public async Task A_price_above_the_cap_is_not_bought_and_the_next_candidate_sells()
    {
        var game = await SharedGameAsync();
        await FaultAsync("kinguin", new { priceMultiplier = 2 });
        var reference = NewReference();

        var (status, bought) = await BuyAsync(reference, game.Kinguin, game.Digiflazz);

        status.Should().Be(HttpStatusCode.OK);
        bought.Supplier.Should().Be("digiflazz");
        (await KinguinOrdersAsync(reference)).Should().BeEmpty("Kinguin refuses an order above the price we accept");
    }

    [Fact]
    public async Task Repeating_a_purchase_with_the_same_reference_returns_the_same_supplier_order()
    {
        var game = await SharedGameAsync();
        var reference = NewReference();

        var (_, first) = await BuyAsync(reference, game.Kinguin, game.Digiflazz);
        var (status, again) = await BuyAsync(reference, game.Kinguin, game.Digiflazz);

        status.Should().Be(HttpStatusCode.OK);
        again.Supplier.Should().Be("kinguin");
        again.SupplierOrderId.Should().Be(first.SupplierOrderId);
        (await KinguinOrdersAsync(reference)).Should().ContainSingle();
        (await DigiflazzHasAsync(reference)).Should().BeFalse();
    }

    [Fact]
    public async Task A_supplier_that_cannot_say_whether_it_sold_leaves_the_purchase_unknown_and_nobody_else_is_asked()
    {
        var game = await SharedGameAsync();
        await FaultAsync("kinguin", new { errorRate = 1.0, errorStatus = 500 });
        var reference = NewReference();

        var (status, result) = await BuyAsync(reference, game.Kinguin, game.Digiflazz);

        status.Should().Be(HttpStatusCode.Accepted);
        result.Status.Should().Be("unknown");
        result.Supplier.Should().Be("kinguin");
        (await DigiflazzHasAsync(reference)).Should().BeFalse("an unknown outcome is never failed over");
        await FaultAsync("kinguin", new { });
        using var client = _store.Store.InternalClient();
        using var poll = await client.PostAsJsonAsync("/suppliers/purchases/status",
            new StatusRequest("kinguin", null, reference, game.KinguinSku, 1, game.KinguinPrice));
        (await poll.Content.ReadFromJsonAsync<PurchaseResult>())!.Status.Should().Be("failed", "Kinguin, healthy again, has no order under the reference");
    }

    [Fact]
    public async Task When_every_candidate_refuses_the_purchase_is_a_conflict_naming_each_reason()
    {
        var game = await SharedGameAsync();

        var (status, result) = await BuyAsync(NewReference(), game.Kinguin with { MaxUnitPrice = 0.01m }, game.Digiflazz with { MaxUnitPrice = 1m });

        status.Should().Be(HttpStatusCode.Conflict);
        result.Status.Should().Be("failed");
        result.Failure.Should().Contain("kinguin").And.Contain("digiflazz").And.Contain("rc 69");
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
