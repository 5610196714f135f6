using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamesDrop.BuildingBlocks.Settings;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Admin;
using GamesDrop.Kernel.Tests.Features.Orders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GamesDrop.Kernel.Tests.Features.Settings;

/// <summary>Elden Ring costs 10 EUR at Kinguin: 11.56 with the default 8 % margin and the 3.49 % + 0.35 payment fee.</summary>
public sealed class SettingsApiTests : OrdersTest
{
    private static readonly Guid AdminId = Guid.Parse("00000000-0000-0000-0000-00000000ad02");

    private async Task<SettingsView> CurrentAsync() => (await Client.GetFromJsonAsync<SettingsView>("/kernel/settings"))!;

    private Task<HttpResponseMessage> ChangeAsync(SystemSettings settings, params MarginRule[] rules) =>
        Client.PutAsJsonAsync("/kernel/settings", new SettingsChange(AdminId, "ops@example.com", settings, rules));

    private Task<decimal> PriceAsync() => App.ScalarAsync<decimal>("SELECT price FROM products WHERE slug = @Slug", new { Slug = OrderData.Elden });

    [Fact]
    public async Task A_margin_and_fee_change_reprices_at_once_is_audited_with_before_and_after_and_announced()
    {
        var before = await CurrentAsync();
        var priceBefore = await PriceAsync();

        var changed = await ChangeAsync(before.Settings with { PaymentFeePercent = 0, PaymentFeeFixed = 0, MarginFloorPercent = 5 },
            new MarginRule(null, null, 20, 0.30m));
        var after = await CurrentAsync();

        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (priceBefore, await PriceAsync()).Should().Be((11.56m, 12.00m), "10 + 20 % and no fee, in the change's own transaction");
        after.Settings.Should().Be(before.Settings with { PaymentFeePercent = 0, PaymentFeeFixed = 0, MarginFloorPercent = 5 });
        after.MarginRules.Should().Equal(new MarginRule(null, null, 20, 0.30m));
        var audit = (await App.QueryAsync<(string, string, string, string)>(
            "SELECT actor_email, action, before::text, after::text FROM admin_audit WHERE target_type = 'setting'")).Should().ContainSingle().Subject;
        (audit.Item1, audit.Item2).Should().Be(("ops@example.com", "settings-change"));
        JsonDocument.Parse(audit.Item3).RootElement.GetProperty("marginRules")[0].GetProperty("marginPercent").GetDecimal().Should().Be(8);
        JsonDocument.Parse(audit.Item4).RootElement.GetProperty("marginRules")[0].GetProperty("marginPercent").GetDecimal().Should().Be(20);
        var announced = (await App.OutboxEventsAsync(Topics.SettingsChanged)).Should().ContainSingle().Subject;
        announced.GetProperty("values").GetProperty(SettingKeys.PaymentFeePercent).GetString().Should().Be("0");
    }

    [Fact]
    public async Task Invalid_settings_are_refused_by_field_and_nothing_changes()
    {
        var settings = (await CurrentAsync()).Settings;
        var rule = new MarginRule(null, null, 8, 0.30m);

        var negativeFee = await ChangeAsync(settings with { PaymentFeePercent = -1 }, rule);
        var belowFloor = await ChangeAsync(settings with { MarginFloorPercent = 10 }, rule);
        var unknownCurrency = await ChangeAsync(settings with { Currency = "XYZ" }, rule);
        var otherDigits = await ChangeAsync(settings with { Notifications = new NotificationTargets("١٢٣٤٥", null) }, rule);
        var noDefault = await ChangeAsync(settings, new MarginRule("kinguin", null, 8, 0.30m));
        var commaDecimal = await RawChangeAsync("\"3,49\"");
        var arabicDigit = await RawChangeAsync("\"٣\"");

        (await ErrorsAsync(negativeFee)).Should().ContainKey("paymentFeePercent");
        (await ErrorsAsync(belowFloor)).Should().ContainKey("marginRules[0]");
        (await ErrorsAsync(unknownCurrency)).Should().ContainKey("currency");
        (await ErrorsAsync(otherDigits)).Should().ContainKey("notifications.telegramChatId");
        (await ErrorsAsync(noDefault)).Should().ContainKey("marginRules");
        (commaDecimal.StatusCode, arabicDigit.StatusCode).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        (await App.ScalarAsync<long>("SELECT count(*) FROM settings")).Should().Be(0);
        (await App.ScalarAsync<long>("SELECT count(*) FROM admin_audit")).Should().Be(0);
        (await PriceAsync()).Should().Be(11.56m);
    }

    [Fact]
    public async Task Another_currency_restates_every_rate_against_it_and_reprices()
    {
        var settings = (await CurrentAsync()).Settings;

        var changed = await ChangeAsync(settings with { Currency = "USD" }, new MarginRule(null, null, 8, 0.30m));

        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var rates = (await CurrentAsync()).Rates.ToDictionary(r => r.Currency, r => r.RateToStore);
        (rates["USD"], rates["EUR"]).Should().Be((1m, Math.Round(1m / 0.92m, 10)));
        (await Client.GetFromJsonAsync<JsonElement>($"/kernel/catalog/products/{OrderData.Elden}")).GetRawText().Should().Contain("\"USD\"");
    }

    /// <summary>
    /// What an app other than the kernel does with the kernel's announcement (in the Dapr profile each app has its own
    /// configuration): the snapshot the kernel published reloads that app's options, and an older one arriving late changes nothing.
    /// </summary>
    [Fact]
    public async Task Another_app_takes_the_announced_settings_without_a_restart_and_keeps_the_newest()
    {
        var settings = (await CurrentAsync()).Settings;
        (await ChangeAsync(settings with { Notifications = new NotificationTargets("-1001", null) }, new MarginRule(null, null, 8, 0.30m))).EnsureSuccessStatusCode();
        (await ChangeAsync(settings with { Notifications = new NotificationTargets("-1002", null) }, new MarginRule(null, null, 8, 0.30m))).EnsureSuccessStatusCode();
        var announced = (await App.OutboxEventsAsync(Topics.SettingsChanged)).Select(e => e.Deserialize<SettingsChanged>(JsonSerializerOptions.Web)!).ToList();
        var stored = new StoredSettings();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SettingKeys.TelegramChatId] = "-999" }).Add(stored).Build();
        using var services = new ServiceCollection().Configure<ChatOptions>(configuration.GetSection("Notifier:Telegram")).BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<ChatOptions>>();
        var defaults = options.CurrentValue.ChatId;

        stored.Apply(announced[1]);
        var newest = options.CurrentValue.ChatId;
        stored.Apply(announced[0]);

        (defaults, newest, options.CurrentValue.ChatId).Should().Be(("-999", "-1002", "-1002"));
    }

    private Task<HttpResponseMessage> RawChangeAsync(string feeJson) => Client.PutAsync("/kernel/settings", new StringContent($$$"""
        {"adminId":"{{{AdminId}}}","adminEmail":"ops@example.com","settings":{"currency":"EUR","paymentFeePercent":{{{feeJson}}},"paymentFeeFixed":0.35,
         "marginFloorPercent":0,"lowStockThreshold":5,"oneClickRefundDays":14,
         "fraud":{"holdScore":60,"refuseScore":120,"firstOrderAmount":150,"largeOrderAmount":500,"maxOrdersPerAccount":5,"maxOrdersPerEmail":10,"maxOrdersPerIp":20},
         "notifications":{}},"marginRules":[{"marginPercent":8,"minMargin":0.3}]}
        """, Encoding.UTF8, "application/json"));

    private static async Task<IDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>())!.Errors;
    }

    private sealed class ChatOptions
    {
        public string? ChatId { get; set; }
    }
}
