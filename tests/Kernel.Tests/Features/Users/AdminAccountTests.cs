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

        (await response.Content.ReadFromJsonAsync<UserAccount>())!.Roles.Should().Equal("admin", "customer");
    }
}
