using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;

namespace GamesDrop.Suppliers.Tests.Features.Sync;

public sealed class CatalogSyncTests : IAsyncLifetime
{
    private StoreWithSandbox _store = null!;

    public async Task InitializeAsync() => _store = await StoreWithSandbox.StartAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Syncing_twice_creates_every_offer_once_and_then_writes_nothing()
    {
        var first = await _store.SyncAsync("kinguin", full: true);
        var second = await _store.SyncAsync("kinguin", full: true);

        first.Error.Should().BeNull();
        first.Created.Should().Be(first.Offers).And.BeGreaterThan(100);
        second.Created.Should().Be(0);
        second.Updated.Should().Be(0);
        second.Unchanged.Should().Be(first.Offers);
        (first.Expected, second.Expected).Should().Be((null, first.Offers), "a full run is measured against the last one's count");
        (await _store.QueryAsync<int>("SELECT count(*) FROM supplier_offers WHERE supplier_code = 'kinguin'")).Should().Be(first.Offers);
        (await _store.QueryAsync<int>("SELECT count(*) FROM sync_runs WHERE supplier_code = 'kinguin' AND status = 'succeeded'")).Should().Be(2);
        (await _store.QueryAsync<string>("""
            SELECT string_agg(concat_ws('/', offers_seen, offers_created, offers_updated, offers_unchanged), ' ' ORDER BY id)
            FROM sync_runs WHERE supplier_code = 'kinguin'
            """)).Should().Be($"{first.Offers}/{first.Offers}/0/0 {first.Offers}/0/0/{first.Offers}", "each run counts what its batches did");
        (first.Phases!.FetchMs, first.Phases.SqlMs, second.Phases!.SqlMs).Should().Match<(double, double, double)>(
            p => p.Item1 > 0 && p.Item2 > 0 && p.Item3 > 0, "the run says where its time went");
    }

    [Fact]
    public async Task A_catalog_of_several_batches_written_two_at_once_is_synced_whole_and_counted_once()
    {
        await using var big = await StoreWithSandbox.StartAsync(sandboxSettings: new Dictionary<string, string?> { ["Sandbox:Catalog:Products"] = "3000" });

        var kinguin = await big.SyncAsync("kinguin", full: true);
        var digiflazz = await big.SyncAsync("digiflazz", full: true);
        var again = await big.SyncAsync("digiflazz", full: true);

        (kinguin.Error, digiflazz.Error, again.Error).Should().Be((null, null, null));
        (kinguin.Offers, digiflazz.Offers).Should().Match<(int, int)>(o => o.Item1 > 2000 && o.Item2 > 2000, "each sync sends several batches");
        (kinguin.Created, digiflazz.Created).Should().Be((kinguin.Offers - kinguin.Quarantined, digiflazz.Offers - digiflazz.Quarantined));
        (again.Created, again.Updated).Should().Be((0, 0));
        (await big.QueryAsync<string>("""
            SELECT string_agg(concat_ws('/', supplier_code, offers_created), ' ' ORDER BY id) FROM sync_runs
            """)).Should().Be($"kinguin/{kinguin.Created} digiflazz/{digiflazz.Created} digiflazz/0", "each batch is counted once");
        (await big.QueryAsync<int>("""
            SELECT count(*) FROM products p
            WHERE p.best_offer_id IS NULL
              AND EXISTS (SELECT 1 FROM supplier_offers o JOIN currency_rates r ON r.currency = o.currency
                          WHERE o.product_id = p.id AND o.available AND o.stock > 0)
            """)).Should().Be(0, "every game with an offer to sell is priced, whichever batch wrote its offers");
    }

    [Fact]
    public async Task Both_suppliers_sync_into_one_catalog_where_shared_games_are_one_product()
    {
        await _store.SyncAsync("kinguin", full: true);
        await _store.SyncAsync("digiflazz", full: true);

        var shared = await _store.QueryAsync<int>("""
            SELECT count(*) FROM (SELECT product_id FROM supplier_offers GROUP BY product_id HAVING count(DISTINCT supplier_code) = 2) p
            """);
        using var admin = _store.Sandbox.Admin();
        var sandbox = await admin.GetFromJsonAsync<JsonElement>("_sandbox/catalog");

        shared.Should().Be(sandbox.GetProperty("both").GetInt32(), "every game both suppliers list is matched into one product");
    }

    [Fact]
    public async Task A_delta_sync_reads_only_what_changed_and_moves_its_price()
    {
        await _store.SyncAsync("kinguin", full: true);
        using var api = new HttpClient { BaseAddress = _store.Sandbox.KinguinApi };
        api.DefaultRequestHeaders.Add("X-Api-Key", GamesDrop.AppTesting.SandboxHost.KinguinKey);
        var product = (await api.GetFromJsonAsync<JsonElement>("v1/products?limit=1")).GetProperty("results")[0];
        using var admin = _store.Sandbox.Admin();
        // The simulator pushes product.update too; the delta sync must find the change on its own as well.
        (await admin.PostAsJsonAsync($"_sandbox/kinguin/products/{product.GetProperty("kinguinId").GetInt32()}/change", new { price = 0.05m }))
            .EnsureSuccessStatusCode();

        var delta = await _store.SyncAsync("kinguin", full: false);

        delta.Full.Should().BeFalse();
        delta.Expected.Should().BeNull("a delta's size is not known ahead");
        delta.Offers.Should().BeLessThan(10, "only listings updated since the last run are read");
        (await _store.QueryAsync<decimal>("SELECT price FROM supplier_offers WHERE supplier_sku = @Sku",
            new { Sku = product.GetProperty("productId").GetString() })).Should().Be(0.05m);
    }
}
