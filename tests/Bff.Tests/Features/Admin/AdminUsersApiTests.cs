using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.AppTesting;

namespace GamesDrop.Bff.Tests.Features.Admin;

public sealed class AdminUsersApiTests : IAsyncLifetime
{
    private EmbeddedApp _app = null!;

    public async Task InitializeAsync() => _app = await EmbeddedApp.StartAsync(new Dictionary<string, string?>
    {
        ["Admin:Email"] = "boss@example.com",
        ["Secrets:admin-password"] = "admin secret horse",
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_configured_admin_pages_through_users_and_customers_and_strangers_are_refused()
    {
        using var customer = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var admin = new Shopper(_app);
        (await admin.LoginAsync("boss@example.com", "admin secret horse")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var anonymous = _app.PublicClient();

        var page = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/users?page=2&pageSize=1");
        var asCustomer = await customer.Http.GetAsync("/bff/api/admin/users");
        var asStranger = await anonymous.GetAsync("/bff/api/admin/users");
        var badPage = await admin.Http.GetAsync("/bff/api/admin/users?pageSize=1000");

        page.GetProperty("total").GetInt64().Should().Be(2);
        page.GetProperty("items").EnumerateArray().Single().GetProperty("email").GetString().Should().Be("ann@example.com");
        (asCustomer.StatusCode, asStranger.StatusCode, badPage.StatusCode)
            .Should().Be((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
        asCustomer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await asCustomer.Content.ReadAsStringAsync()).Should().NotContain("boss@example.com");
    }
}
