using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.State;
using GamesDrop.TestSupport;

namespace GamesDrop.Suppliers.Tests.Features.Push;

public sealed class PushTests : IAsyncLifetime
{
    private StoreWithSandbox _store = null!;
    private JsonElement _product;

    public async Task InitializeAsync()
    {
        _store = await StoreWithSandbox.StartAsync();
        await _store.SyncAsync("kinguin", full: true);
        using var api = new HttpClient { BaseAddress = _store.Sandbox.KinguinApi };
        api.DefaultRequestHeaders.Add("X-Api-Key", SandboxHost.KinguinKey);
        _product = (await api.GetFromJsonAsync<JsonElement>("v1/products?limit=1")).GetProperty("results")[0];
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Task<decimal> StoredPriceAsync() =>
        _store.QueryAsync<decimal>("SELECT price FROM supplier_offers WHERE supplier_sku = @Sku", new { Sku = _product.GetProperty("productId").GetString() });

    private async Task ChangeInSandboxAsync(decimal price)
    {
        using var admin = _store.Sandbox.Admin();
        (await admin.PostAsJsonAsync($"_sandbox/kinguin/products/{_product.GetProperty("kinguinId").GetInt32()}/change", new { price }))
            .EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_signed_kinguin_push_moves_the_price()
    {
        // How fast is measured by hand and reported, not asserted: a loaded CI machine must not flake this.
        await ChangeInSandboxAsync(0.07m);

        (await Eventually.HoldsAsync(async () => await StoredPriceAsync() == 0.07m, TimeSpan.FromSeconds(10))).Should().BeTrue();
    }

    [Fact]
    public async Task Stale_and_duplicate_pushes_change_nothing()
    {
        await ChangeInSandboxAsync(0.07m);
        (await Eventually.HoldsAsync(async () => await StoredPriceAsync() == 0.07m)).Should().BeTrue();
        await ChangeInSandboxAsync(0.09m);
        (await Eventually.HoldsAsync(async () => await StoredPriceAsync() == 0.09m)).Should().BeTrue();
        using var admin = _store.Sandbox.Admin();

        foreach (var mode in new[] { "stale", "duplicate" })
        {
            (await admin.PostAsJsonAsync("_sandbox/kinguin/webhooks/replay",
                new { @event = "product.update", id = _product.GetProperty("kinguinId").GetInt32().ToString(), mode })).EnsureSuccessStatusCode();
        }
        await Task.Delay(1000);

        (await StoredPriceAsync()).Should().Be(0.09m, "an older updatedAt is ignored and a repeat is harmless");
    }

    [Fact]
    public async Task Of_two_pushes_stamped_alike_the_listing_as_the_supplier_holds_it_now_stays_whichever_arrives_last()
    {
        using (var admin = _store.Sandbox.Admin())
        {
            (await admin.PostAsJsonAsync($"_sandbox/kinguin/products/{_product.GetProperty("kinguinId").GetInt32()}/change", new { qty = 0 }))
                .EnsureSuccessStatusCode();
        }
        var sku = _product.GetProperty("productId").GetString();
        using var api = new HttpClient { BaseAddress = _store.Sandbox.KinguinApi };
        api.DefaultRequestHeaders.Add("X-Api-Key", SandboxHost.KinguinKey);
        var live = (await api.GetFromJsonAsync<JsonElement>($"v1/products/{_product.GetProperty("kinguinId").GetInt32()}")).GetProperty("qty").GetInt32();
        (await Eventually.HoldsAsync(async () => await StoredStockAsync() == live)).Should().BeTrue("the change's push arrives");
        var stamp = DateTime.SpecifyKind(
            await _store.QueryAsync<DateTime>("SELECT supplier_updated_at FROM supplier_offers WHERE supplier_sku = @Sku", new { Sku = sku }), DateTimeKind.Utc);
        using var app = _store.Store.InternalClient();

        // The state before the change, arriving late with the change's time (as two changes within one stamp do).
        var status = await PostAsync(app, "/suppliers/supplier-feed",
            JsonSerializer.Serialize(new { supplier = "kinguin", changedAt = stamp, sku, stock = live + 65 }));

        status.Should().Be(HttpStatusCode.OK);
        (await StoredStockAsync()).Should().Be(live, "the listing read live settles it");
    }

    private Task<int> StoredStockAsync() =>
        _store.QueryAsync<int>("SELECT stock FROM supplier_offers WHERE supplier_sku = @Sku", new { Sku = _product.GetProperty("productId").GetString() });

    [Fact]
    public async Task Pushes_without_the_right_secret_or_signature_are_refused_and_logged()
    {
        using var client = _store.Store.PublicClient();
        var body = JsonSerializer.Serialize(new { kinguinId = 1, productId = _product.GetProperty("productId").GetString(), qty = 0, updatedAt = DateTime.UtcNow.AddDays(1) });

        var noSecret = await PostAsync(client, "/suppliers/webhooks/kinguin", body, ("X-Event-Name", "product.update"));
        var wrongSecret = await PostAsync(client, "/suppliers/webhooks/kinguin", body, ("X-Event-Name", "product.update"), ("X-Event-Secret", "guess"));
        var digiflazzBody = """{"data":{"ref_id":"r-1","status":"Sukses","rc":"00"}}""";
        var forged = await PostAsync(client, "/suppliers/webhooks/digiflazz", digiflazzBody, ("X-Hub-Signature", "sha1=" + new string('0', 40)));
        var signed = await PostAsync(client, "/suppliers/webhooks/digiflazz", digiflazzBody, ("X-Hub-Signature", "sha1=" +
            Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(SandboxHost.DigiflazzSecret), Encoding.UTF8.GetBytes(digiflazzBody)))));

        noSecret.Should().Be(HttpStatusCode.Unauthorized);
        wrongSecret.Should().Be(HttpStatusCode.Unauthorized);
        forged.Should().Be(HttpStatusCode.Unauthorized);
        signed.Should().Be(HttpStatusCode.OK);
        (await StoredPriceAsync()).Should().NotBe(0m);
        _store.Store.Logs.Events.Count(e => e.MessageTemplate.Text.StartsWith("Rejected a", StringComparison.Ordinal)).Should().Be(3);
        _store.Store.Logs.AllText.Should().NotContain(SandboxHost.KinguinSecret).And.NotContain("guess");
    }

    [Fact]
    public async Task A_signed_push_sent_again_is_acknowledged_and_dropped()
    {
        using var client = _store.Store.PublicClient();
        var digiflazzRef = "replay-" + Guid.NewGuid().ToString("N")[..12];
        var digiflazzBody = JsonSerializer.Serialize(new { data = new { ref_id = digiflazzRef, status = "Gagal", rc = "40" } });
        var signature = ("X-Hub-Signature", "sha1=" +
            Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(SandboxHost.DigiflazzSecret), Encoding.UTF8.GetBytes(digiflazzBody))));
        var kinguinOrder = "replay-" + Guid.NewGuid().ToString("N")[..12];
        var kinguinBody = JsonSerializer.Serialize(new { orderId = kinguinOrder, orderExternalId = "x", status = "canceled", updatedAt = DateTimeOffset.UtcNow });
        (string, string)[] kinguinHeaders = [("X-Event-Name", "order.status"), ("X-Event-Secret", SandboxHost.KinguinSecret)];

        var digiflazz = new[] { await PostAsync(client, "/suppliers/webhooks/digiflazz", digiflazzBody, signature), await PostAsync(client, "/suppliers/webhooks/digiflazz", digiflazzBody, signature) };
        var kinguin = new[] { await PostAsync(client, "/suppliers/webhooks/kinguin", kinguinBody, kinguinHeaders), await PostAsync(client, "/suppliers/webhooks/kinguin", kinguinBody, kinguinHeaders) };

        digiflazz.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK);
        kinguin.Should().Equal(HttpStatusCode.NoContent, HttpStatusCode.NoContent);
        _store.Store.Logs.Events.Count(e => e.MessageTemplate.Text.StartsWith("A {Supplier} push already taken", StringComparison.Ordinal)).Should().Be(2);
        (await Eventually.HoldsAsync(async () => await OrderUpdatesAsync(digiflazzRef) == 1 && await OrderUpdatesAsync(kinguinOrder) == 1)).Should().BeTrue();
    }

    [Fact]
    public async Task A_kinguin_push_changed_longer_ago_than_pushes_are_remembered_is_refused()
    {
        using var client = _store.Store.PublicClient();
        var body = JsonSerializer.Serialize(new
        {
            kinguinId = 1, productId = _product.GetProperty("productId").GetString(), qty = 0,
            updatedAt = DateTimeOffset.UtcNow - WebhookReplays.RememberFor - TimeSpan.FromMinutes(1),
        });

        var status = await PostAsync(client, "/suppliers/webhooks/kinguin", body, ("X-Event-Name", "product.update"), ("X-Event-Secret", SandboxHost.KinguinSecret));

        status.Should().Be(HttpStatusCode.Unauthorized);
    }

    private Task<int> OrderUpdatesAsync(string supplierOrderId) => _store.QueryAsync<int>(
        "SELECT count(*)::int FROM messaging.outbox WHERE topic = 'supplier-order-updated' AND data::text LIKE @Pattern", new { Pattern = $"%{supplierOrderId}%" });

    // daprd's RabbitMQ binding Nacks with requeue on any non-2xx reply: a message that can never apply must be acknowledged.
    [Fact]
    public async Task A_feed_message_for_an_unknown_supplier_is_parked_and_acknowledged()
    {
        using var app = _store.Store.InternalClient();
        var body = JsonSerializer.Serialize(new { supplier = "nobody", changedAt = DateTimeOffset.UtcNow, sku = "x-1", stock = 1 });

        var status = await PostAsync(app, "/suppliers/supplier-feed", body);
        var garbled = await PostAsync(app, "/suppliers/supplier-feed", "{not json");

        status.Should().Be(HttpStatusCode.OK);
        garbled.Should().Be(HttpStatusCode.OK);
        (await _store.QueryAsync<int>("SELECT count(*)::int FROM messaging.dead_letters WHERE topic = 'supplier-feed'")).Should().Be(2);
    }

    [Fact]
    public async Task A_feed_message_that_keeps_failing_is_requeued_a_few_times_then_parked()
    {
        using var app = _store.Store.InternalClient();
        // A negative stock: the kernel refuses it every time.
        var body = JsonSerializer.Serialize(new
        {
            supplier = "kinguin", changedAt = DateTimeOffset.UtcNow, sku = _product.GetProperty("productId").GetString(), stock = -1,
        });

        var replies = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            replies.Add(await PostAsync(app, "/suppliers/supplier-feed", body));
        }

        replies.Should().Equal(Enumerable.Repeat(HttpStatusCode.InternalServerError, 4).Append(HttpStatusCode.OK));
        (await _store.QueryAsync<int>("SELECT attempts FROM messaging.dead_letters WHERE topic = 'supplier-feed'")).Should().Be(5);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string path, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return (await client.SendAsync(request)).StatusCode;
    }
}
