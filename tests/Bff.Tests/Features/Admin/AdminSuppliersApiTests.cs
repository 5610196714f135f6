using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Catalog;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// An admin reads each supplier's health and scoreboard, switches one off and on (audited), and starts a sync watched to its end.
/// </summary>
public sealed class AdminSuppliersApiTests : IAsyncLifetime
{
    private StoreWithSandbox _store = null!;

    public async Task InitializeAsync() => _store = await StoreWithSandbox.StartAsync(new Dictionary<string, string?>
    {
        ["Admin:Email"] = "boss@example.com",
        ["Secrets:admin-password"] = "admin secret horse",
    });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<Shopper> AdminAsync()
    {
        var admin = new Shopper(_store.Store);
        (await admin.LoginAsync("boss@example.com", "admin secret horse")).StatusCode.Should().Be(HttpStatusCode.OK);
        return admin;
    }

    [Fact]
    public async Task An_admin_switches_a_supplier_off_and_on_and_the_audit_keeps_both()
    {
        await _store.SyncAsync("kinguin", full: true);
        using var admin = await AdminAsync();

        var off = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/suppliers/kinguin/enabled", new { enabled = false });
        var listed = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/suppliers");
        var on = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/suppliers/kinguin/enabled", new { enabled = true });
        var unknown = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/suppliers/nobody/enabled", new { enabled = true });
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?targetId=kinguin");

        (off.StatusCode, on.StatusCode, unknown.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound));
        var kinguin = listed.EnumerateArray().Single(s => s.GetProperty("supplier").GetProperty("code").GetString() == "kinguin");
        kinguin.GetProperty("supplier").GetProperty("enabled").GetBoolean().Should().BeFalse();
        kinguin.GetProperty("health").GetProperty("circuit").GetString().Should().Be("Closed");
        kinguin.GetProperty("health").GetProperty("lastSuccessfulSync").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.UtcNow.AddHours(-1));
        audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("after").GetProperty("enabled").GetBoolean()))
            .Should().Equal(("supplier-enable", true), ("supplier-disable", false));
        audit.GetProperty("actions").EnumerateArray().Select(a => a.GetString()).Should().Equal(AuditActions.All, "the audit page offers these as filters");
    }

    [Fact]
    public async Task The_scoreboard_shows_fill_rate_time_to_key_claims_margin_and_that_a_failing_supplier_is_tried_last()
    {
        await _store.SyncAsync("kinguin", full: true);
        using var admin = await AdminAsync();
        var fresh = await ScoreAsync(admin, "kinguin");
        using var kernel = _store.Store.InternalClient();
        for (var i = 0; i < 12; i++)
        {
            // Five filled after 2 to 6 seconds, seven failed: 5 of 12 is under the 80 % floor, over the 10 purchases that count.
            var outcome = new SupplierPurchaseOutcome($"board-{i}", i < 5 ? "fulfilled" : "failed", i < 5 ? 2 + i : null);
            (await kernel.PostAsJsonAsync("/kernel/catalog/suppliers/kinguin/purchases", outcome)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        var scored = await ScoreAsync(admin, "kinguin");

        fresh.Should().Be(new SupplierScore("kinguin", 0, null, null, 0, null, null, TriedLast: false));
        scored.Should().Be(new SupplierScore("kinguin", 12, 0.4167, 4.0, 0, null, null, TriedLast: true));
    }

    private static async Task<SupplierScore> ScoreAsync(Shopper admin, string code) =>
        (await admin.Http.GetFromJsonAsync<List<AdminSupplier>>("/bff/api/admin/suppliers", JsonSerializerOptions.Web))!
            .Single(s => s.Supplier.Code == code).Score!;

    [Fact]
    public async Task Sync_now_runs_a_full_sync_whose_progress_the_admin_watches_to_the_end()
    {
        var first = await _store.SyncAsync("digiflazz", full: true);
        using var admin = await AdminAsync();

        var started = await admin.SendAsync(HttpMethod.Post, "/bff/api/admin/suppliers/digiflazz/sync");
        JsonElement run = default;
        var finished = await Eventually.HoldsAsync(async () =>
        {
            run = (await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/suppliers/sync-progress")).EnumerateArray()
                .Single(s => s.GetProperty("supplier").GetString() == "digiflazz");
            return run.GetProperty("runId").GetInt64() != first.RunId && !run.GetProperty("running").GetBoolean();
        }, TimeSpan.FromSeconds(60));

        started.StatusCode.Should().Be(HttpStatusCode.Accepted);
        finished.Should().BeTrue();
        (run.GetProperty("full").GetBoolean(), run.GetProperty("offers").GetInt32(), run.GetProperty("expected").GetInt32())
            .Should().Be((true, first.Offers, first.Offers));
        run.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
