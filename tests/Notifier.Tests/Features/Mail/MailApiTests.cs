using System.Net;
using Dapper;
using GamesDrop.AppTesting;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using GamesDrop.Contracts.Wishlist;
using GamesDrop.TestSupport;
using Npgsql;

namespace GamesDrop.Notifier.Tests.Features.Mail;

/// <summary>Mails from events, sent to a real SMTP server; events delivered as daprd delivers them, possibly twice.</summary>
public sealed class MailApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reset_mail_reaches_the_smtp_server_once_with_its_recipient_and_link_which_is_stored_nowhere_readable()
    {
        const string link = "http://localhost:3000/account/reset-password?token=secret-reset-token-123";
        var requested = new PasswordResetRequested("ann@example.com", "Ann", link, DateTimeOffset.UtcNow.AddHours(1));
        var id = Guid.NewGuid().ToString();

        (await _app.DeliverAsync("/notifier/mail/password-reset-requested", Topics.PasswordResetRequested, id, requested)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var connection = new NpgsqlConnection(_app.DatabaseConnectionString);
        var queued = await connection.QuerySingleAsync<(string Summary, byte[]? Payload)>("SELECT summary, payload FROM notifier.deliveries");
        (await _app.DeliverAsync("/notifier/mail/password-reset-requested", Topics.PasswordResetRequested, id, requested)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await Eventually.HoldsAsync(() => Task.FromResult(_app.Mail.MailsTo("ann@example.com").Count > 0), TimeSpan.FromSeconds(60))).Should().BeTrue();
        (await Eventually.HoldsAsync(async () => await connection.ExecuteScalarAsync<string>("SELECT status FROM notifier.deliveries") == "sent")).Should().BeTrue();
        var mail = _app.Mail.MailsTo("ann@example.com").Should().ContainSingle().Subject;
        mail.Subject.Should().Be("Reset your GamesDrop password");
        mail.TextBody.Should().Contain("Hello Ann,").And.Contain("Choose a new password: " + link);
        mail.HtmlBody.Should().Contain($"<a href=\"{link}\">Choose a new password</a>");
        _app.Mail.Mails.Should().ContainSingle();
        queued.Summary.Should().NotContain("token");
        System.Text.Encoding.UTF8.GetString(queued.Payload!).Should().NotContain("secret-reset-token", "the queued mail is sealed");
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notifier.deliveries WHERE payload IS NOT NULL")).Should().Be(0, "a sent mail is erased");
    }

    [Fact]
    public async Task A_redelivered_price_drop_is_mailed_once_but_a_new_drop_to_the_same_price_again()
    {
        var drop = new WishlistPriceDropped(Guid.NewGuid(), "ann@example.com", "Ann", "elden-ring-steam-global", "Elden Ring",
            10.44m, "EUR", 11m, DateTimeOffset.UtcNow);
        var first = Guid.NewGuid().ToString();

        await _app.DeliverAsync("/notifier/mail/wishlist-price-dropped", Topics.WishlistPriceDropped, first, drop);
        await _app.DeliverAsync("/notifier/mail/wishlist-price-dropped", Topics.WishlistPriceDropped, first, drop);
        await _app.DeliverAsync("/notifier/mail/wishlist-price-dropped", Topics.WishlistPriceDropped, Guid.NewGuid().ToString(), drop);

        (await Eventually.HoldsAsync(() => Task.FromResult(_app.Mail.Mails.Count >= 2), TimeSpan.FromSeconds(60))).Should().BeTrue();
        await using var connection = new NpgsqlConnection(_app.DatabaseConnectionString);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM notifier.deliveries")).Should().Be(2);
        _app.Mail.Mails.Should().HaveCount(2).And.OnlyContain(m => m.Subject == "Elden Ring is now €10.44");
        _app.Mail.Mails[0].TextBody.Should().Contain("Elden Ring is now €10.44, at or below your target of €11.00.")
            .And.Contain("http://localhost:3000/product/elden-ring-steam-global");
    }
}
