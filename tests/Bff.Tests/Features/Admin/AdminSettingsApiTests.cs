using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Bff.Tests.Features.Checkout;
using GamesDrop.Contracts.Admin;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>
/// An admin changes the margin and the ops chat on the configuration page: the store's price follows at once, the
/// notifier sends its next alert to the new chat, no app restarts, and the audit keeps the change.
/// </summary>
public sealed class AdminSettingsApiTests(CheckoutFixture fixture) : IClassFixture<CheckoutFixture>
{
    private async Task<Shopper> AdminAsync()
    {
        var admin = new Shopper(fixture.Store);
        (await admin.LoginAsync(CheckoutFixture.AdminEmail, CheckoutFixture.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        return admin;
    }

    private static async Task<decimal> PriceAsync(Shopper shopper, string slug) =>
        (await shopper.Http.GetFromJsonAsync<JsonElement>($"/bff/api/catalog/products/{slug}")).GetProperty("price").GetDecimal();

    [Fact]
    public async Task A_margin_change_shows_on_the_store_and_the_next_alert_goes_to_the_new_ops_chat_without_a_restart()
    {
        using var admin = await AdminAsync();
        var slug = await fixture.ProductAsync();
        var view = (await admin.Http.GetFromJsonAsync<SettingsView>("/bff/api/admin/settings", JsonSerializerOptions.Web))!;
        var priceBefore = await PriceAsync(admin, slug);
        var rules = view.MarginRules.Select(r => r is { Supplier: null, Genre: null } ? r with { MarginPercent = r.MarginPercent + 20 } : r).ToList();

        var changed = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings", new
        {
            settings = view.Settings with { Notifications = view.Settings.Notifications with { TelegramChatId = "-100777" } },
            marginRules = rules,
        });
        var priceAfter = await PriceAsync(admin, slug);
        using var guest = new Shopper(fixture.Store);
        await guest.PayAsync(fixture, await guest.CheckoutOneProductAsync(fixture, "after.change@example.com"));

        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        priceAfter.Should().BeGreaterThan(priceBefore);
        (await Eventually.HoldsAsync(async () => (await fixture.Sandbox.TelegramMessagesAsync())
            .Any(m => m.GetProperty("chatId").GetString() == "-100777"), CheckoutFixture.Patience)).Should().BeTrue("the notifier reads the chat it is told now");
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?action=settings-change&targetId=system");
        var entry = audit.GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("actorEmail").GetString().Should().Be(CheckoutFixture.AdminEmail);
        entry.GetProperty("before").GetProperty("settings").GetProperty("notifications").GetProperty("telegramChatId").GetString().Should().NotBe("-100777");
        entry.GetProperty("after").GetProperty("settings").GetProperty("notifications").GetProperty("telegramChatId").GetString().Should().Be("-100777");
    }

    [Fact]
    public async Task A_refused_setting_names_its_field_and_a_rate_change_is_audited()
    {
        using var admin = await AdminAsync();
        var view = (await admin.Http.GetFromJsonAsync<SettingsView>("/bff/api/admin/settings", JsonSerializerOptions.Web))!;

        var negativeFee = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings",
            new { settings = view.Settings with { PaymentFeeFixed = -0.35m }, marginRules = view.MarginRules });
        var rate = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings/rates/USD", new { rateToStore = 0.9 });

        negativeFee.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await negativeFee.Content.ReadAsStringAsync()).Should().Contain("paymentFeeFixed");
        rate.StatusCode.Should().Be(HttpStatusCode.OK, await rate.Content.ReadAsStringAsync());
        var entry = (await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?targetId=rate:USD")).GetProperty("items")
            .EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("before").GetProperty("rateToStore").GetDecimal().Should().Be(view.Rates.Single(r => r.Currency == "USD").RateToStore);
        entry.GetProperty("after").GetProperty("rateToStore").GetDecimal().Should().Be(0.9m);
    }

    [Fact]
    public async Task Added_margin_rules_price_the_store_at_once_removing_them_restores_the_price_and_the_audit_keeps_both()
    {
        using var admin = await AdminAsync();
        var slug = await fixture.ProductAsync();
        var view = (await admin.Http.GetFromJsonAsync<SettingsView>("/bff/api/admin/settings", JsonSerializerOptions.Web))!;
        var standard = view.MarginRules.Single(r => r is { Supplier: null, Genre: null });
        MarginRule[] added = [standard with { Supplier = "kinguin", MarginPercent = standard.MarginPercent + 30 },
            standard with { Supplier = "digiflazz", MarginPercent = standard.MarginPercent + 30 }];
        var priceBefore = await PriceAsync(admin, slug);

        var add = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings", new { settings = view.Settings, marginRules = view.MarginRules.Concat(added) });
        var priceWithRules = await PriceAsync(admin, slug);
        var remove = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings", new { settings = view.Settings, marginRules = view.MarginRules });
        var priceAfter = await PriceAsync(admin, slug);

        (add.StatusCode, remove.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.OK), await add.Content.ReadAsStringAsync());
        priceWithRules.Should().BeGreaterThan(priceBefore, "both of the product's suppliers now ask 30 points more");
        priceAfter.Should().Be(priceBefore);
        var entries = (await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?action=settings-change&targetId=system"))
            .GetProperty("items").EnumerateArray().Take(2).Select(e => $"{Suppliers(e.GetProperty("before"))} → {Suppliers(e.GetProperty("after"))}").ToList();
        entries.Should().Equal("digiflazz kinguin → ", " → digiflazz kinguin");
    }

    [Fact]
    public async Task A_margin_rule_of_the_wrong_shape_is_refused_where_it_comes_in_and_the_default_rule_cannot_be_removed()
    {
        using var admin = await AdminAsync();
        var view = (await admin.Http.GetFromJsonAsync<SettingsView>("/bff/api/admin/settings", JsonSerializerOptions.Web))!;

        var badShape = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings",
            new { settings = view.Settings, marginRules = view.MarginRules.Append(new MarginRule("Kinguin'--", "<b>", -1, 0)) });
        var noDefault = await admin.SendAsync(HttpMethod.Put, "/bff/api/admin/settings",
            new { settings = view.Settings, marginRules = view.MarginRules.Where(r => r.Supplier is not null || r.Genre is not null) });

        (badShape.StatusCode, noDefault.StatusCode).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        (await badShape.Content.ReadAsStringAsync()).Should().Contain("A supplier's code").And.Contain("From 0 to 500 %");
        (await noDefault.Content.ReadAsStringAsync()).Should().Contain("One default rule");
        (await admin.Http.GetFromJsonAsync<SettingsView>("/bff/api/admin/settings", JsonSerializerOptions.Web))!.MarginRules
            .Should().Equal(view.MarginRules, "nothing changed");
    }

    private static string Suppliers(JsonElement state) =>
        string.Join(" ", state.GetProperty("marginRules").EnumerateArray().Select(r => r.GetProperty("supplier").GetString()).OfType<string>().Order());
}
