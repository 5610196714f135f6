using System.Net.Http.Json;
using GamesDrop.AppTesting;
using GamesDrop.Kernel.Features.Users;

namespace GamesDrop.Kernel.Tests.Features.Users;

public sealed class AdminAccountTests
{
    [Fact]
    public async Task The_configured_admin_is_created_with_the_secret_password_and_both_roles()
    {
        await using var app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:Email"] = "boss@example.com",
            ["Secrets:admin-password"] = "from the secret store",
        });
        using var client = app.InternalClient();

        var response = await client.PostAsJsonAsync("/kernel/users/verify-password", new { email = "boss@example.com", password = "from the secret store" });

        var admin = (await response.Content.ReadFromJsonAsync<UserAccount>())!;
        admin.Roles.Should().Equal("admin", "customer");
        admin.EmailVerified.Should().BeTrue("the operator chose the address; there is no one to mail");
    }

    [Fact]
    public async Task An_account_registered_first_with_the_admin_email_is_never_made_admin()
    {
        var app = await EmbeddedApp.StartAsync();
        using (var client = app.InternalClient())
        {
            (await client.PostAsJsonAsync("/kernel/users", new { email = "Boss@Example.com", password = "squatter horse", displayName = "Mallory" }))
                .IsSuccessStatusCode.Should().BeTrue();
        }
        await using var restarted = await EmbeddedApp.RestartAsync(app, new Dictionary<string, string?>
        {
            ["Admin:Email"] = "boss@example.com",
            ["Secrets:admin-password"] = "from the secret store",
        });
        using var kernel = restarted.InternalClient();

        var squatter = await kernel.PostAsJsonAsync("/kernel/users/verify-password", new { email = "boss@example.com", password = "squatter horse" });
        var secret = await kernel.PostAsJsonAsync("/kernel/users/verify-password", new { email = "boss@example.com", password = "from the secret store" });

        (await squatter.Content.ReadFromJsonAsync<UserAccount>())!.Roles.Should().Equal("customer");
        secret.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        restarted.Logs.AllText.Should().Contain("not made admin");
    }
}
