using System.Net;
using System.Net.Http.Json;
using GamesDrop.AppTesting;

namespace GamesDrop.Bff.Tests.Sessions;

/// <summary>A password change ends the user's other sessions; a reset ends all of them. Other users keep theirs.</summary>
public sealed class SessionEndingTests : IAsyncLifetime
{
    private const string Profile = "/bff/api/account/profile";
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task After_a_password_change_the_other_browsers_session_is_gone_and_this_one_works()
    {
        using var laptop = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var phone = new Shopper(_app);
        (await phone.LoginAsync("ann@example.com")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var bob = await new Shopper(_app).SignedUpAsync("bob@example.com");

        var changed = await laptop.SendAsync(HttpMethod.Put, "/bff/api/auth/password", new { currentPassword = "correct horse", newPassword = "second horse" });

        changed.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await phone.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await laptop.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await laptop.SendAsync(HttpMethod.Put, Profile, new { displayName = "Annie" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await bob.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.OK);
        AssertNoSecretsLogged("correct horse", "second horse", laptop.SessionCookie!, phone.SessionCookie!, laptop.CsrfToken!);
    }

    [Fact]
    public async Task After_a_password_reset_every_session_of_the_user_is_gone()
    {
        using var laptop = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var phone = new Shopper(_app);
        (await phone.LoginAsync("ann@example.com")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var bob = await new Shopper(_app).SignedUpAsync("bob@example.com");
        using var anonymous = _app.PublicClient();
        var cookies = new[] { laptop.SessionCookie!, phone.SessionCookie! };

        (await anonymous.PostAsJsonAsync("/bff/api/auth/password-reset", new { email = "ann@example.com" })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var token = await Mailbox.ResetTokenAsync(_app, "ann@example.com");
        var reset = await anonymous.PostAsJsonAsync("/bff/api/auth/password-reset/confirm", new { token, newPassword = "third horse" });

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await laptop.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await phone.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await bob.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await laptop.LoginAsync("ann@example.com", "third horse")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await laptop.Http.GetAsync(Profile)).StatusCode.Should().Be(HttpStatusCode.OK);
        AssertNoSecretsLogged(["correct horse", "third horse", token, .. cookies, laptop.SessionCookie!]);
    }

    private void AssertNoSecretsLogged(params string[] secrets)
    {
        var logs = _app.Logs.AllText;
        foreach (var secret in secrets)
        {
            logs.Should().NotContain(secret);
        }
    }
}
