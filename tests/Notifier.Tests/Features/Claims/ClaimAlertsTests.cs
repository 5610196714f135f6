using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using GamesDrop.TestSupport;

namespace GamesDrop.Notifier.Tests.Features.Claims;

/// <summary>Claims: staff hear of a new one on Telegram, the buyer gets a mail on its resolution; once each, however often the event comes.</summary>
public sealed class ClaimAlertsTests : IAsyncLifetime
{
    private NotifierStore _store = null!;

    public async Task InitializeAsync() => _store = await NotifierStore.StartAsync(new Dictionary<string, string?> { ["Store:PublicUrl"] = "https://shop.example" });

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_claim_opened_is_one_telegram_message_with_a_link_to_the_claims_page_even_when_delivered_twice()
    {
        var opened = new ClaimOpened(7, Guid.NewGuid(), "GD-3003", "Frozen <Requiem> & Co", "kinguin", ClaimReasons.AlreadyUsed, DateTimeOffset.UtcNow);

        await _store.DeliverTwiceAsync("/notifier/alerts/claim-opened", Topics.ClaimOpened, opened);

        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("telegram")).GetValueOrDefault("sent") == 1, TimeSpan.FromSeconds(60)))
            .Should().BeTrue();
        (await _store.TelegramTextsAsync()).Should().Equal("🔑 Claim on order GD-3003: Frozen <Requiem> & Co\nalready used; the key came from kinguin\nResolve the claim");
        (await _store.Sandbox.TelegramMessagesAsync()).Should().ContainSingle().Which.GetProperty("html").GetString()
            .Should().Contain("<a href=\"https://shop.example/admin/claims\">Resolve the claim</a>").And.Contain("Frozen &lt;Requiem&gt; &amp; Co");
        (await _store.DeliveriesAsync("telegram")).Should().Equal(new Dictionary<string, int> { ["sent"] = 1 });
    }

    [Fact]
    public async Task A_rejected_claim_mails_the_buyer_once_with_the_reason()
    {
        const string buyer = "claimer@example.com";
        var order = await _store.CompletedGuestOrderAsync(buyer);
        (await Eventually.HoldsAsync(() => Task.FromResult(_store.Store.Mail.MailsTo(buyer).Count == 1), TimeSpan.FromSeconds(60))).Should().BeTrue("the receipt mail");
        var resolved = new ClaimResolved(8, order.OrderId, order.Number, order.Lines[0].Title, ClaimStatuses.Rejected,
            "The product page says this key is for PC.", DateTimeOffset.UtcNow);

        await _store.DeliverTwiceAsync("/notifier/alerts/claim-resolved", Topics.ClaimResolved, resolved);

        (await Eventually.HoldsAsync(async () => (await _store.DeliveriesAsync("mail")).GetValueOrDefault("sent") == 2, TimeSpan.FromSeconds(60))).Should().BeTrue();
        var mail = _store.Store.Mail.MailsTo(buyer).Should().ContainSingle(m => m.Subject == $"Your claim on order {order.Number}").Subject;
        mail.TextBody.Should().Contain($"could not accept it: The product page says this key is for PC.");
    }
}
