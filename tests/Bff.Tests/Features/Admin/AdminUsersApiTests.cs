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

        var page = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/users?page=1&pageSize=1");
        var asCustomer = await customer.Http.GetAsync("/bff/api/admin/users");
        var asStranger = await anonymous.GetAsync("/bff/api/admin/users");
        var badPage = await admin.Http.GetAsync("/bff/api/admin/users?pageSize=1000");
        var byEmail = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/users?email=ANN%40");
        var wildcard = await admin.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/users?email=%25");

        page.GetProperty("total").GetInt64().Should().Be(2);
        page.GetProperty("items").EnumerateArray().Single().GetProperty("email").GetString().Should().Be("ann@example.com");
        byEmail.GetProperty("items").EnumerateArray().Single().GetProperty("email").GetString().Should().Be("ann@example.com");
        wildcard.GetProperty("total").GetInt64().Should().Be(0, "the filter is taken literally");
        (asCustomer.StatusCode, asStranger.StatusCode, badPage.StatusCode)
            .Should().Be((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
        asCustomer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await asCustomer.Content.ReadAsStringAsync()).Should().NotContain("boss@example.com");
    }

    [Fact]
    public async Task An_admin_makes_a_customer_admin_who_then_takes_the_first_admins_role_and_each_change_is_audited()
    {
        using var ann = await new Shopper(_app).SignedUpAsync("ann@example.com");
        using var boss = new Shopper(_app);
        await boss.LoginAsync("boss@example.com", "admin secret horse");

        var promoted = await boss.SendAsync(HttpMethod.Put, $"/bff/api/admin/users/{ann.Id}/admin-role", new { admin = true });
        var annsOldSession = await ann.Http.GetAsync("/bff/api/admin/users");
        (await ann.LoginAsync("ann@example.com")).StatusCode.Should().Be(HttpStatusCode.OK);
        var demoted = await ann.SendAsync(HttpMethod.Put, $"/bff/api/admin/users/{boss.Id}/admin-role", new { admin = false });
        var bossAfter = await boss.Http.GetAsync("/bff/api/admin/users");

        promoted.StatusCode.Should().Be(HttpStatusCode.OK, await promoted.Content.ReadAsStringAsync());
        (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Contain("admin");
        annsOldSession.StatusCode.Should().Be(HttpStatusCode.NotFound, "a role change ends the user's sessions; the next sign-in carries the new roles");
        demoted.StatusCode.Should().Be(HttpStatusCode.OK, await demoted.Content.ReadAsStringAsync());
        bossAfter.StatusCode.Should().Be(HttpStatusCode.NotFound, "a demoted admin is out at once, not at the end of the session");
        var audit = (await ann.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?targetType=user")).GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("actorEmail").GetString(), e.GetProperty("action").GetString(), e.GetProperty("targetId").GetString())).ToList();
        audit.Should().Equal(
            ("ann@example.com", "user-revoke-admin", boss.Id.ToString("D")),
            ("boss@example.com", "user-grant-admin", ann.Id.ToString("D")));
    }

    [Fact]
    public async Task An_admin_cannot_take_their_own_role_nor_change_a_user_that_does_not_exist()
    {
        using var boss = new Shopper(_app);
        await boss.LoginAsync("boss@example.com", "admin secret horse");

        var own = await boss.SendAsync(HttpMethod.Put, $"/bff/api/admin/users/{boss.Id}/admin-role", new { admin = false });
        var missing = await boss.SendAsync(HttpMethod.Put, $"/bff/api/admin/users/{Guid.NewGuid()}/admin-role", new { admin = true });
        var noChoice = await boss.SendAsync(HttpMethod.Put, $"/bff/api/admin/users/{boss.Id}/admin-role", new { });
        var stillAdmin = await boss.Http.GetAsync("/bff/api/admin/users");

        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await own.Content.ReadAsStringAsync()).Should().Contain("your own admin role");
        (missing.StatusCode, noChoice.StatusCode, stillAdmin.StatusCode)
            .Should().Be((HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.OK));
        (await boss.Http.GetFromJsonAsync<JsonElement>("/bff/api/admin/audit?targetType=user")).GetProperty("total").GetInt64().Should().Be(0);
    }
}
