using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GamesDrop.AppTesting;

namespace GamesDrop.Bff.Tests.Features.Auth;

public sealed class AuthApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;
    private Shopper _ann = null!;

    public async Task InitializeAsync()
    {
        _app = await EmbeddedApp.StartAsync(new Dictionary<string, string?> { ["RateLimits:AuthPerIp"] = "5" });
        _ann = new Shopper(_app);
    }

    public async Task DisposeAsync()
    {
        _ann.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Register_login_logout_and_login_again_keeps_a_cookie_session_in_between()
    {
        (await _ann.RegisterAsync("ann@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await _ann.ConfirmEmailAsync(await Mailbox.VerificationTokenAsync(_app, "ann@example.com"));
        var login = await _ann.LoginAsync("ann@example.com");
        var firstSession = _ann.SessionCookie;
        var profile = await _ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/account/profile");

        var logout = await _ann.SendAsync(HttpMethod.Post, "/bff/api/auth/logout");
        var afterLogout = await _ann.Http.GetAsync("/bff/api/account/profile");
        var replayed = await ReplayAsync(firstSession!);
        var again = await _ann.LoginAsync("ann@example.com");

        login.Headers.GetValues("Set-Cookie").Single().Should().Contain("httponly").And.Contain("samesite=lax").And.NotContain("secure");
        profile.GetProperty("email").GetString().Should().Be("ann@example.com");
        (logout.StatusCode, afterLogout.StatusCode, replayed.StatusCode, again.StatusCode)
            .Should().Be((HttpStatusCode.NoContent, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK));
        afterLogout.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        _ann.SessionCookie.Should().NotBe(firstSession);
        (await _ann.Http.GetAsync("/bff/api/account/profile")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_when_the_proxy_says_the_browser_used_https()
    {
        await _ann.SignedUpAsync("ann@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bff/api/auth/login")
        {
            Content = JsonContent.Create(new { email = "ann@example.com", password = "correct horse" }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await _ann.Http.SendAsync(request);

        response.Headers.GetValues("Set-Cookie").Single().Should().StartWith("__Host-gd_session=").And.Contain("secure").And.Contain("path=/")
            .And.NotContain("domain=");
    }

    [Fact]
    public async Task An_unverified_account_reaches_no_orders_until_the_mailed_link_confirms_its_email()
    {
        (await _ann.RegisterAsync("ann@example.com")).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var unverified = await _ann.LoginAsync("ann@example.com");
        var orders = await _ann.Http.GetAsync("/bff/api/account/orders");
        var token = await Mailbox.VerificationTokenAsync(_app, "ann@example.com");
        var confirmed = await _ann.ConfirmEmailAsync(token);
        var reused = await _ann.ConfirmEmailAsync(token);
        var verified = await _ann.LoginAsync("ann@example.com");

        (unverified.StatusCode, orders.StatusCode, confirmed.StatusCode, reused.StatusCode, verified.StatusCode).Should().Be(
            (HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.OK));
        unverified.Headers.Contains("Set-Cookie").Should().BeFalse("no session is started for an unproven email");
        (await Detail(unverified)).Should().Contain("Confirm your email");
        (await _ann.Http.GetAsync("/bff/api/account/orders")).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Logs.AllText.Should().NotContain(token);
    }

    [Fact]
    public async Task Wrong_password_unknown_email_and_taken_email_answer_alike()
    {
        await _ann.SignedUpAsync("ann@example.com");
        using var stranger = new Shopper(_app);

        var wrong = await stranger.LoginAsync("ann@example.com", "wrong horse");
        var unknown = await stranger.LoginAsync("nobody@example.com", "wrong horse");
        var taken = await stranger.RegisterAsync("ANN@example.com");
        var fresh = await stranger.RegisterAsync("bob@example.com");

        (wrong.StatusCode, unknown.StatusCode).Should().Be((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
        (await Detail(wrong)).Should().Be(await Detail(unknown));
        (taken.StatusCode, await taken.Content.ReadAsStringAsync()).Should().Be((fresh.StatusCode, await fresh.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Registering_a_taken_email_mails_its_owner_instead_of_telling_the_one_who_tried()
    {
        await _ann.SignedUpAsync("ann@example.com");
        using var stranger = new Shopper(_app);

        (await stranger.RegisterAsync("Ann@Example.com", "stranger horse")).StatusCode.Should().Be(HttpStatusCode.Accepted);

        var mail = await Mailbox.MailAsync(_app, "ann@example.com", "already have");
        mail.TextBody.Should().Contain("/login").And.Contain("/account/forgot-password").And.NotContain("stranger horse");
        (await stranger.LoginAsync("ann@example.com", "stranger horse")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookie_authenticated_writes_without_the_csrf_token_are_refused()
    {
        await _ann.SignedUpAsync("ann@example.com");

        var without = await _ann.SendAsync(HttpMethod.Put, "/bff/api/account/profile", new { displayName = "Mallory" }, withCsrf: false);
        var token = (await _ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/auth/csrf")).GetProperty("token").GetString();
        var with = await _ann.SendAsync(HttpMethod.Put, "/bff/api/account/profile", new { displayName = "Annie" });

        without.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        without.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        token.Should().Be(_ann.CsrfToken);
        (await with.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString().Should().Be("Annie");
    }

    [Fact]
    public async Task Too_many_logins_from_one_address_get_429_problem_details()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add((await _ann.LoginAsync($"user{i}@example.com", "wrong horse")).StatusCode);
        }
        var limited = await _ann.LoginAsync("last@example.com", "wrong horse");

        answers.Take(5).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Spelling_the_login_path_in_other_cases_shares_one_limit()
    {
        var answers = new List<HttpStatusCode>();
        foreach (var path in new[] { "/bff/api/auth/login", "/bff/api/AUTH/login", "/bff/api/Auth/Login", "/bff/API/auth/LOGIN", "/BFF/api/auth/login", "/bff/api/auth/login/" })
        {
            answers.Add((await _ann.Http.PostAsJsonAsync(path, new { email = "nobody@example.com", password = "wrong horse" })).StatusCode);
        }

        answers.Should().Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Append(HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Guessing_the_current_password_is_slowed_down_and_never_locks_the_owner_out()
    {
        await _ann.SignedUpAsync("ann@example.com");
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            guesses.Add((await _ann.SendAsync(HttpMethod.Put, "/bff/api/auth/password", new { currentPassword = $"guess {i}", newPassword = "mallory horse" })).StatusCode);
        }

        var slowed = await _ann.SendAsync(HttpMethod.Put, "/bff/api/auth/password", new { currentPassword = "correct horse", newPassword = "mallory horse" });
        using var owner = new Shopper(_app);
        var ownerSignsIn = await owner.LoginAsync("ann@example.com");

        guesses.Should().AllBeEquivalentTo(HttpStatusCode.BadRequest);
        slowed.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        slowed.Headers.RetryAfter.Should().NotBeNull();
        ownerSignsIn.StatusCode.Should().Be(HttpStatusCode.OK, "the guesses slowed the session that made them, not the account");
    }

    [Fact]
    public async Task A_mailed_reset_token_sets_a_new_password_once_and_changing_it_needs_the_current_one()
    {
        await _ann.SignedUpAsync("ann@example.com");
        var wrongCurrent = await _ann.SendAsync(HttpMethod.Put, "/bff/api/auth/password", new { currentPassword = "nope", newPassword = "second horse" });
        var changed = await _ann.SendAsync(HttpMethod.Put, "/bff/api/auth/password", new { currentPassword = "correct horse", newPassword = "second horse" });

        var requested = await _ann.Http.PostAsJsonAsync("/bff/api/auth/password-reset", new { email = "ann@example.com" });
        var token = await Mailbox.ResetTokenAsync(_app, "ann@example.com");
        var reset = await _ann.Http.PostAsJsonAsync("/bff/api/auth/password-reset/confirm", new { token, newPassword = "third horse" });
        var reused = await _ann.Http.PostAsJsonAsync("/bff/api/auth/password-reset/confirm", new { token, newPassword = "fourth horse" });

        (wrongCurrent.StatusCode, changed.StatusCode, requested.StatusCode, reset.StatusCode, reused.StatusCode).Should().Be(
            (HttpStatusCode.BadRequest, HttpStatusCode.NoContent, HttpStatusCode.Accepted, HttpStatusCode.NoContent, HttpStatusCode.BadRequest));
        (await _ann.LoginAsync("ann@example.com", "third horse")).StatusCode.Should().Be(HttpStatusCode.OK);
        var logs = _app.Logs.AllText;
        foreach (var secret in new[] { "correct horse", "second horse", "third horse", token, _ann.SessionCookie!, _ann.CsrfToken! })
        {
            logs.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task Oversized_and_malformed_login_bodies_get_413_and_400_problem_details()
    {
        var oversized = await _app.SendOversizedAsync(HttpMethod.Post, "/bff/api/auth/login");
        var longPassword = await _ann.Http.PostAsJsonAsync("/bff/api/auth/login", new { email = "a@b.c", password = new string('a', 500) });
        var missing = await _ann.Http.PostAsJsonAsync("/bff/api/auth/register", new { email = "a@b.c" });

        (oversized.StatusCode, longPassword.StatusCode, missing.StatusCode)
            .Should().Be((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        foreach (var response in new[] { oversized, longPassword, missing })
        {
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }
    }

    private async Task<HttpResponseMessage> ReplayAsync(string sessionId)
    {
        using var attacker = _app.PublicClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bff/api/account/profile");
        request.Headers.Add("Cookie", "gd_session=" + sessionId);
        return await attacker.SendAsync(request);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
