using System.Net;
using GamesDrop.TestSupport;

namespace GamesDrop.Notifier.Tests.Features.Deliveries;

/// <summary>Notifications that cannot go out are retried, then dead-lettered, listed, and sent again on request.</summary>
public sealed class DeliveriesApiTests : IAsyncLifetime
{
    private NotifierStore _store = null!;

    public async Task InitializeAsync() => _store = await NotifierStore.StartAsync(new Dictionary<string, string?> { ["Notifier:Delivery:MaxAttempts"] = "2" });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_row_google_refuses_is_dead_lettered_listed_and_sent_once_when_resent()
    {
        await _store.SetFaultsAsync("google", new { errorRate = 1.0, errorStatus = 503 });
        using var notifier = _store.Store.InternalClient();

        (await notifier.PostAsync("/notifier/daily-sales-summary", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await notifier.PostAsync("/notifier/daily-sales-summary", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Eventually.HoldsAsync(async () => (await _store.UndeliveredAsync()).Any(n => n.Status == "dead"), TimeSpan.FromSeconds(90)))
            .Should().BeTrue("after its last attempt the row is dead-lettered");
        var dead = (await _store.UndeliveredAsync()).Should().ContainSingle().Subject;
        (dead.Channel, dead.Attempts).Should().Be(("sheets", 2));
        dead.Summary.Should().StartWith("Daily summary of ");
        dead.LastError.Should().NotBeNullOrEmpty();
        (await _store.Sandbox.SheetRowsAsync()).Should().BeEmpty();

        await _store.SetFaultsAsync("google", new { });
        (await notifier.PostAsync($"/notifier/notifications/{dead.Id}/resend", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await Eventually.HoldsAsync(async () => (await _store.Sandbox.SheetRowsAsync()).Count == 1, TimeSpan.FromSeconds(150))).Should().BeTrue();
        var row = (await _store.Sandbox.SheetRowsAsync()).Single();
        row.Select(c => c.ToString()).Should().Equal(
            DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"), "Daily summary", "0 orders", "", "0", "0", "0", "", "EUR");
        // The row reaches the sheet a moment before the notifier records it as sent; a resend in between would send it again.
        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("sheets")).GetValueOrDefault("sent") == 1)).Should().BeTrue();
        (await _store.UndeliveredAsync()).Should().BeEmpty();
        (await notifier.PostAsync($"/notifier/notifications/{dead.Id}/resend", null)).StatusCode.Should().Be(HttpStatusCode.NotFound, "it was sent");
    }

    [Fact]
    public async Task The_lists_are_closed_to_anonymous_callers()
    {
        using var anonymous = _store.Store.PublicClient();

        (await anonymous.GetAsync("/bff/api/admin/notifications/undelivered")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.PostAsync("/bff/api/admin/notifications/1/resend", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/notifier/notifications/undelivered")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
