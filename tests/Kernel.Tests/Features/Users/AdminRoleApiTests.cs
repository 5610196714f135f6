using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GamesDrop.Contracts.Admin;
using GamesDrop.Kernel.Features.Users;

namespace GamesDrop.Kernel.Tests.Features.Users;

/// <summary>Ann, Bob and Cy are customers; an admin gives and takes the admin role under the rules a store needs.</summary>
public sealed class AdminRoleApiTests : CatalogTest
{
    private UserAccount _ann = null!, _bob = null!, _cy = null!;

    protected override async Task SeedAsync()
    {
        _ann = await CreateAsync("ann@example.com");
        _bob = await CreateAsync("bob@example.com");
        _cy = await CreateAsync("cy@example.com");
    }

    private async Task<UserAccount> CreateAsync(string email)
    {
        var response = await Client.PostAsJsonAsync("/kernel/users", new { email, password = "correct horse", displayName = "Player" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<UserAccount>())!;
    }

    private Task<HttpResponseMessage> ChangeAsync(UserAccount actor, Guid target, bool admin) =>
        Client.PutAsJsonAsync($"/kernel/users/{target}/admin-role", new AdminRoleChange(actor.Id, actor.Email, admin));

    private async Task<string[]> RolesAsync(UserAccount user) => (await Client.GetFromJsonAsync<UserAccount>($"/kernel/users/{user.Id}"))!.Roles.ToArray();

    private Task<IReadOnlyList<(string Actor, string Action, string Target, string Before, string After)>> AuditAsync() =>
        App.QueryAsync<(string, string, string, string, string)>(
            "SELECT actor_email, action, target_id, before::text, after::text FROM admin_audit WHERE target_type = 'user' ORDER BY id");

    private static string[] Roles(string json) => JsonDocument.Parse(json).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task Making_a_user_admin_and_back_is_audited_with_who_whom_and_the_roles_before_and_after()
    {
        (await ChangeAsync(_ann, _bob.Id, admin: true)).StatusCode.Should().Be(HttpStatusCode.OK);

        var promoted = await RolesAsync(_bob);
        var again = await ChangeAsync(_ann, _bob.Id, admin: true);
        var demoted = await ChangeAsync(_bob, _ann.Id, admin: false);

        promoted.Should().Equal("admin", "customer");
        again.StatusCode.Should().Be(HttpStatusCode.OK, "already admin: nothing to change, nothing to audit");
        demoted.StatusCode.Should().Be(HttpStatusCode.OK, "Ann was never admin: nothing to take");
        var audit = (await AuditAsync()).Should().ContainSingle().Subject;
        (audit.Actor, audit.Action, audit.Target).Should().Be(("ann@example.com", AuditActions.UserGrantAdmin, _bob.Id.ToString("D")));
        Roles(audit.Before).Should().Equal("customer");
        Roles(audit.After).Should().Equal("admin", "customer");
        JsonDocument.Parse(audit.After).RootElement.GetProperty("email").GetString().Should().Be("bob@example.com");
    }

    [Fact]
    public async Task An_admin_takes_another_admins_role_but_never_their_own()
    {
        await ChangeAsync(_cy, _ann.Id, admin: true);
        await ChangeAsync(_ann, _bob.Id, admin: true);

        var own = await ChangeAsync(_ann, _ann.Id, admin: false);
        var other = await ChangeAsync(_ann, _bob.Id, admin: false);

        own.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await own.Content.ReadAsStringAsync()).Should().Contain("your own admin role");
        other.StatusCode.Should().Be(HttpStatusCode.OK);
        ((await RolesAsync(_ann)), (await RolesAsync(_bob))).Should().BeEquivalentTo((new[] { "admin", "customer" }, new[] { "customer" }));
        (await AuditAsync()).Select(a => a.Action).Should().Equal(AuditActions.UserGrantAdmin, AuditActions.UserGrantAdmin, AuditActions.UserRevokeAdmin);
    }

    [Fact]
    public async Task The_last_admin_keeps_the_role()
    {
        await ChangeAsync(_cy, _ann.Id, admin: true);

        var refused = await ChangeAsync(_cy, _ann.Id, admin: false);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("last admin");
        (await RolesAsync(_ann)).Should().Contain("admin");
        (await AuditAsync()).Should().ContainSingle("only the grant");
    }

    [Fact]
    public async Task Two_admins_taking_each_others_role_at_once_leave_one_admin()
    {
        await ChangeAsync(_cy, _ann.Id, admin: true);
        await ChangeAsync(_cy, _bob.Id, admin: true);

        var answers = await Task.WhenAll(ChangeAsync(_ann, _bob.Id, admin: false), ChangeAsync(_bob, _ann.Id, admin: false));

        answers.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.BadRequest]);
        (await App.ScalarAsync<long>("SELECT count(*) FROM user_roles WHERE role = 'admin'")).Should().Be(1);
    }

    [Fact]
    public async Task A_user_that_does_not_exist_is_not_found_and_nothing_is_audited()
    {
        var missing = await Client.PutAsJsonAsync($"/kernel/users/{Guid.NewGuid()}/admin-role", new AdminRoleChange(_ann.Id, _ann.Email, true));
        var noEmail = await Client.PutAsJsonAsync($"/kernel/users/{_bob.Id}/admin-role", new { adminId = _ann.Id, admin = true });

        (missing.StatusCode, noEmail.StatusCode).Should().Be((HttpStatusCode.NotFound, HttpStatusCode.BadRequest));
        (await AuditAsync()).Should().BeEmpty();
        (await RolesAsync(_bob)).Should().Equal("customer");
    }
}
