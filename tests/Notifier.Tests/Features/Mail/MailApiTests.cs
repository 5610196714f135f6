using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;
using GamesDrop.BuildingBlocks.PubSub.Embedded;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using GamesDrop.Contracts.Wishlist;

namespace GamesDrop.Notifier.Tests.Features.Mail;

/// <summary>Mails from events delivered as daprd delivers them: a CloudEvent, possibly more than once.</summary>
public sealed class MailApiTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private EmbeddedApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync();
        _client = _app.InternalClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    private async Task DeliverAsync(string route, string topic, Guid eventId, object data)
    {
        var content = new ByteArrayContent(CloudEventEnvelope.Create(
            eventId, AppIds.Kernel, DaprComponents.PubSub, topic, JsonSerializer.Serialize(data, Json), null, DateTime.UtcNow));
        content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventEnvelope.ContentType);
        (await _client.PostAsync(route, content)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<IReadOnlyList<JsonElement>> MailsAsync() =>
        (await _client.GetFromJsonAsync<JsonElement>("/notifier/dev/mail")).EnumerateArray().ToList();

    [Fact]
    public async Task A_redelivered_price_drop_is_mailed_once_but_a_new_drop_to_the_same_price_again()
    {
        var drop = new WishlistPriceDropped(Guid.NewGuid(), "ann@example.com", "Ann", "elden-ring-steam-global", "Elden Ring",
            10.44m, "EUR", 11m, DateTimeOffset.UtcNow);
        var first = Guid.NewGuid();

        await DeliverAsync("/notifier/mail/wishlist-price-dropped", Topics.WishlistPriceDropped, first, drop);
        await DeliverAsync("/notifier/mail/wishlist-price-dropped", Topics.WishlistPriceDropped, first, drop);
        var afterRedelivery = await MailsAsync();
        await DeliverAsync("/notifier/mail/wishlist-price-dropped", Topics.WishlistPriceDropped, Guid.NewGuid(), drop);

        var mail = afterRedelivery.Should().ContainSingle().Subject;
        (mail.GetProperty("recipient").GetString(), mail.GetProperty("subject").GetString())
            .Should().Be(("ann@example.com", "Elden Ring is now €10.44"));
        mail.GetProperty("body").GetString().Should().Contain("Elden Ring is now €10.44, at or below your target of €11.00.");
        (await MailsAsync()).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_redelivered_reset_request_is_mailed_once()
    {
        var requested = new PasswordResetRequested("ann@example.com", "Ann", "http://localhost:3000/account/reset-password?token=t", DateTimeOffset.UtcNow);
        var id = Guid.NewGuid();

        await DeliverAsync("/notifier/mail/password-reset-requested", Topics.PasswordResetRequested, id, requested);
        await DeliverAsync("/notifier/mail/password-reset-requested", Topics.PasswordResetRequested, id, requested);

        (await MailsAsync()).Should().ContainSingle();
    }
}
