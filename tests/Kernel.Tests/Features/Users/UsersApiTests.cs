using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using GamesDrop.Contracts.Orders;
using GamesDrop.Kernel.Features.Orders;
using GamesDrop.Kernel.Features.Users;
using Npgsql;

namespace GamesDrop.Kernel.Tests.Features.Users;

public sealed class UsersApiTests : CatalogTest
{
    protected override Task SeedAsync() => Task.CompletedTask;

    private async Task<UserAccount> CreateAsync(string email, string password = "correct horse")
    {
        var response = await Client.PostAsJsonAsync("/kernel/users", new { email, password, displayName = "Ann" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<UserAccount>())!;
    }

    private Task<HttpResponseMessage> VerifyAsync(string email, string password, string? client = null) =>
        Client.PostAsJsonAsync("/kernel/users/verify-password", new { email, password, client });

    [Fact]
    public async Task A_new_customer_verifies_with_its_password_whatever_the_email_case_and_the_email_stays_unique()
    {
        var created = await CreateAsync("ann@example.com");

        var verified = await VerifyAsync("ANN@example.com", "correct horse");
        var wrong = await VerifyAsync("ann@example.com", "wrong horse");
        var unknown = await VerifyAsync("bob@example.com", "correct horse");
        var again = await Client.PostAsJsonAsync("/kernel/users", new { email = "Ann@Example.com", password = "other horse", displayName = "A" });

        (await verified.Content.ReadFromJsonAsync<UserAccount>()).Should().BeEquivalentTo(new { created.Id, Roles = new[] { "customer" } });
        (wrong.StatusCode, unknown.StatusCode, again.StatusCode)
            .Should().Be((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Conflict));
        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        (await connection.QuerySingleAsync<string>("SELECT password_hash FROM users")).Should().NotContain("correct horse");
        var attempted = await connection.QuerySingleAsync<string>("SELECT data::text FROM messaging.outbox WHERE topic = 'registration-attempted'");
        JsonDocument.Parse(attempted).RootElement.GetProperty("email").GetString().Should().Be("ann@example.com", "the owner hears of the attempt");
    }

    [Fact]
    public async Task Repeated_wrong_passwords_pause_the_guessing_client_and_never_lock_the_owner_out()
    {
        await CreateAsync("ann@example.com");

        for (var i = 0; i < Passwords.MaxFailures; i++)
        {
            (await VerifyAsync("ann@example.com", "guess " + i, client: "203.0.113.9")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        var guesserRight = await VerifyAsync("ann@example.com", "correct horse", client: "203.0.113.9");
        var owner = await VerifyAsync("ann@example.com", "correct horse", client: "198.51.100.7");

        guesserRight.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the guessing client is paused even with the right password");
        owner.StatusCode.Should().Be(HttpStatusCode.OK, "the owner elsewhere is not locked out");
        var user = (await Client.GetFromJsonAsync<UserPage>("/kernel/users"))!.Items.Single();
        user.LockedUntil.Should().BeAfter(DateTime.UtcNow.AddMinutes(10), "admins see that someone was paused");
    }

    [Fact]
    public async Task A_reset_token_is_mailed_once_works_once_and_is_stored_only_as_a_hash()
    {
        await CreateAsync("ann@example.com");

        (await Client.PostAsJsonAsync("/kernel/users/password-resets", new { email = "ann@example.com" })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await Client.PostAsJsonAsync("/kernel/users/password-resets", new { email = "nobody@example.com" })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var token = await MailedTokenAsync();
        var first = await Client.PostAsJsonAsync("/kernel/users/password-resets/confirm", new { token, newPassword = "brand new horse" });
        var second = await Client.PostAsJsonAsync("/kernel/users/password-resets/confirm", new { token, newPassword = "another horse" });

        (first.StatusCode, second.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.BadRequest));
        (await first.Content.ReadFromJsonAsync<PasswordResetDone>())!.UserId.Should().Be((await Client.GetFromJsonAsync<UserPage>("/kernel/users"))!.Items.Single().Id);
        (await VerifyAsync("ann@example.com", "brand new horse")).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        (await connection.QuerySingleAsync<byte[]>("SELECT token_hash FROM password_reset_tokens")).Should().Equal(Passwords.TokenHash(token));
    }

    [Fact]
    public async Task A_new_account_is_unverified_until_its_mailed_token_is_spent_once_and_the_token_is_stored_only_as_a_hash()
    {
        var created = await CreateAsync("ann@example.com");
        var resent = await Client.PostAsync($"/kernel/users/{created.Id}/email-verifications", null);
        var token = await MailedTokenAsync("email-verification-requested");

        var first = await Client.PostAsJsonAsync("/kernel/users/email-verifications/confirm", new { token });
        var second = await Client.PostAsJsonAsync("/kernel/users/email-verifications/confirm", new { token });
        var forged = await Client.PostAsJsonAsync("/kernel/users/email-verifications/confirm", new { token = "not-a-token" });
        var signedIn = await (await VerifyAsync("ann@example.com", "correct horse")).Content.ReadFromJsonAsync<UserAccount>();

        created.EmailVerified.Should().BeFalse();
        resent.StatusCode.Should().Be(HttpStatusCode.Accepted, "a link mailed a moment ago is not mailed again");
        (first.StatusCode, second.StatusCode, forged.StatusCode).Should().Be((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest));
        signedIn!.EmailVerified.Should().BeTrue();
        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        (await connection.QuerySingleAsync<byte[]>("SELECT token_hash FROM email_verification_tokens")).Should().Equal(Passwords.TokenHash(token));
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one()
    {
        var user = await CreateAsync("ann@example.com");

        var wrong = await Client.PutAsJsonAsync($"/kernel/users/{user.Id}/password", new { currentPassword = "nope", newPassword = "brand new horse" });
        var right = await Client.PutAsJsonAsync($"/kernel/users/{user.Id}/password", new { currentPassword = "correct horse", newPassword = "brand new horse" });

        (wrong.StatusCode, right.StatusCode).Should().Be((HttpStatusCode.BadRequest, HttpStatusCode.NoContent));
        (await VerifyAsync("ann@example.com", "brand new horse")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_users_order_reads_as_not_found()
    {
        var ann = await CreateAsync("ann@example.com");
        var bob = await CreateAsync("bob@example.com");
        var orderId = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(App.DatabaseConnectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO orders (id, number, user_id, email, receipt_token_hash, status, currency, total)
                VALUES (@orderId, 'GD-1', @UserId, 'ann@example.com', '\x01', 'paid', 'EUR', 10)
                """, new { orderId, UserId = ann.Id });
        }

        var own = await Client.GetFromJsonAsync<OrderReceipt>($"/kernel/users/{ann.Id}/orders/{orderId}");
        var guessed = await Client.GetAsync($"/kernel/users/{bob.Id}/orders/{orderId}");

        own!.Number.Should().Be("GD-1");
        guessed.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetFromJsonAsync<List<OrderSummary>>($"/kernel/users/{bob.Id}/orders")).Should().BeEmpty();
    }

    private async Task<string> MailedTokenAsync(string topic = "password-reset-requested")
    {
        await using var connection = new NpgsqlConnection(App.DatabaseConnectionString);
        var data = await connection.QuerySingleAsync<string>("SELECT data::text FROM messaging.outbox WHERE topic = @topic", new { topic });
        var link = new Uri(JsonDocument.Parse(data).RootElement.GetProperty("link").GetString()!);
        return link.Query.Split("token=")[1];
    }
}
