using System.Net;
using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Notifications;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Bff.Tests.Features.Admin;

/// <summary>An alert Telegram refused is listed for admins, and their resend sends it once Telegram is back, with the resend in the audit.</summary>
public sealed class AdminNotificationsApiTests : IAsyncLifetime
{
    private const string AdminEmail = "notifications.boss@example.com";
    private const string AdminPassword = "admin secret horse";
    private StoreWithSandbox _shop = null!;

    public async Task InitializeAsync() => _shop = await StoreWithSandbox.StartAsync(new Dictionary<string, string?>
    {
        ["Notifier:Delivery:MaxAttempts"] = "1",
        ["Admin:Email"] = AdminEmail,
        ["Secrets:admin-password"] = AdminPassword,
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task An_admin_resends_an_undelivered_alert_and_the_resend_is_audited()
    {
        using var sandbox = _shop.Sandbox.Admin();
        (await sandbox.PutAsJsonAsync("_sandbox/faults/telegram", new { errorRate = 1.0, errorStatus = 503 })).EnsureSuccessStatusCode();
        (await _shop.Store.DeliverAsync("/notifier/alerts/own-stock-low", Topics.OwnStockLow, Guid.NewGuid().ToString(),
            new OwnStockLow(1, "resend-me", "Resend Me", 1, 3, DateTimeOffset.UtcNow))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var admin = new Shopper(_shop.Store);
        (await admin.LoginAsync(AdminEmail, AdminPassword)).StatusCode.Should().Be(HttpStatusCode.OK);
        UndeliveredNotification? dead = null;
        (await Eventually.HoldsAsync(async () =>
        {
            dead = (await admin.Http.GetFromJsonAsync<List<UndeliveredNotification>>("/bff/api/admin/notifications/undelivered"))!.SingleOrDefault(n => n.Status == "dead");
            return dead is not null;
        }, TimeSpan.FromSeconds(90))).Should().BeTrue("Telegram refused the alert");
        (await sandbox.PutAsJsonAsync("_sandbox/faults/telegram", new { })).EnsureSuccessStatusCode();

        var resent = await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/notifications/{dead!.Id}/resend");

        resent.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Eventually.HoldsAsync(async () => (await _shop.Sandbox.TelegramMessagesAsync()).Count == 1, TimeSpan.FromSeconds(90))).Should().BeTrue("the resend went out");
        (await admin.Http.GetFromJsonAsync<List<UndeliveredNotification>>("/bff/api/admin/notifications/undelivered")).Should().BeEmpty();
        (await _shop.QueryAsync<string>("SELECT actor_email FROM admin_audit WHERE action = 'notification-resend' AND target_type = 'notification' AND target_id = @Id",
            new { Id = dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })).Should().Be(AdminEmail);
        (await admin.SendAsync(HttpMethod.Post, $"/bff/api/admin/notifications/{dead.Id}/resend")).StatusCode.Should().Be(HttpStatusCode.NotFound, "it was sent");
    }
}
