using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>An admin uploads a stock CSV through the BFF, reads the report per row and the counts, and the audit keeps the totals.</summary>
public sealed class AdminInventoryApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:Email"] = "boss@example.com",
            ["Secrets:admin-password"] = "admin secret horse",
        });
        using var kernel = _app.InternalClient();
        (await kernel.PutAsJsonAsync("/kernel/catalog/suppliers/kinguin", new { name = "Kinguin", currency = "EUR", enabled = true })).EnsureSuccessStatusCode();
        (await kernel.PostAsJsonAsync("/kernel/catalog/offers/batch", new OfferBatch("kinguin", null,
        [
            new SupplierOffer("k-1", "Elden Ring Steam Key GLOBAL", "Steam", "GLOBAL", "", ["RPG"], new DateOnly(2022, 2, 25),
                "Open-world action RPG.", "Redeem on Steam.", null, 10m, "EUR", 5, true, DateTimeOffset.UtcNow),
        ]))).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_admins_upload_is_reported_per_row_counted_and_audited_without_the_keys()
    {
        using var admin = new Shopper(_app);
        (await admin.LoginAsync("boss@example.com", "admin secret horse")).StatusCode.Should().Be(HttpStatusCode.OK);
        var slug = (await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/catalog/search?q=elden")).GetProperty("items")[0].GetProperty("slug").GetString();
        var csv = Encoding.UTF8.GetBytes($"product,key\n{slug},GOOD-0001\n{slug},GOOD-0001\nnope,GOOD-0002\n");

        var upload = await admin.SendAsync(HttpMethod.Post, "/bff/api/admin/inventory/upload", new { fileName = "march.csv", csv });
        var utf16 = await admin.SendAsync(HttpMethod.Post, "/bff/api/admin/inventory/upload", new { fileName = "march.csv", csv = new byte[] { 0xFF, 0xFE, 0x70, 0 } });
        var tooBig = await admin.SendAsync(HttpMethod.Post, "/bff/api/admin/inventory/upload", new { fileName = "big.csv", csv = new byte[600 * 1024] });
        var inventory = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/inventory");
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?action=inventory-upload");

        var body = await upload.Content.ReadAsStringAsync();
        upload.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().NotContain("GOOD-000");
        JsonDocument.Parse(body).RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("outcome").GetString())
            .Should().Equal("added", "duplicate-in-file", "product-not-found");
        (utf16.StatusCode, tooBig.StatusCode).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        inventory.GetProperty("products").EnumerateArray().Select(p => (p.GetProperty("slug").GetString(), p.GetProperty("available").GetInt32()))
            .Should().Equal((slug, 1));
        var entry = audit.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        (entry.GetProperty("targetId").GetString(), entry.GetProperty("after").GetProperty("added").GetInt32(), entry.GetProperty("after").GetProperty("rejected").GetInt32())
            .Should().Be(("march.csv", 1, 2));
        entry.GetRawText().Should().NotContain("GOOD-000");
    }
}
