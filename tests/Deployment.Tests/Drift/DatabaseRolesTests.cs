using System.Text.RegularExpressions;
using GamesDrop.BuildingBlocks.Data;
using GamesDrop.Deployment.Tests.Infrastructure;
using Npgsql;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>
/// The Dapr profile's PostgreSQL roles agree with the list the Embedded host provisions (<see cref="AppDatabases.All"/>):
/// init-roles.sh creates each with its schemas, and every app of compose, stack and dapr.yaml signs in as its own.
/// </summary>
public sealed partial class DatabaseRolesTests
{
    [Fact]
    public void Init_roles_creates_every_app_role_with_its_schemas_and_extensions()
    {
        var script = Repo.Read("deploy/postgres/init-roles.sh");
        var apps = AppsList().Match(script).Groups["apps"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new AppDatabase(f[0], f[1], Listed(f[2]), Listed(f[3])))
            .ToList();

        apps.Should().BeEquivalentTo(AppDatabases.All, o => o.WithStrictOrdering());
        script.Should().Contain($"CREATE ROLE {AppDatabases.MessagingRole} NOLOGIN").And.Contain($"own_schema {AppDatabases.MessagingSchema} {AppDatabases.MessagingRole}");
    }

    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData("stack.yml")]
    public void Every_app_container_signs_in_as_its_own_role(string file)
    {
        var services = ComposeFile.Load(file).Services;

        foreach (var app in AppDatabases.All)
        {
            UserOf(services[app.AppId].Environment).Should().Be(app.Role, $"{file}: {app.AppId}");
        }
        services.Values.Where(s => s.Environment.ContainsKey(ConnectionKey))
            .Should().OnlyContain(s => AppDatabases.Of(s.Name) != null, "only the apps connect, each as itself");
    }

    [Fact]
    public void Every_app_of_dapr_run_signs_in_as_its_own_role()
    {
        var apps = DaprRunFile.Apps.ToDictionary(a => a.AppId);

        foreach (var app in AppDatabases.All)
        {
            UserOf(apps[app.AppId].Environment).Should().Be(app.Role, app.AppId);
        }
        Yaml.Map(Yaml.Map(DaprRunFile.Root, "common"), "env").Should().NotContainKey(ConnectionKey);
    }

    [Fact]
    public void Stack_gives_each_app_only_its_own_pgpass_and_the_database_all_of_them()
    {
        var services = ComposeFile.Load("stack.yml").Services;

        foreach (var app in AppDatabases.All)
        {
            services[app.AppId].Secrets.Should().Equal($"{app.AppId}-pgpass");
        }
        services["postgres"].Secrets.Should().Contain(AppDatabases.All.Select(a => $"{a.AppId}-pgpass"));
    }

    private const string ConnectionKey = "ConnectionStrings__Postgres";

    private static string? UserOf(IReadOnlyDictionary<string, string> environment) =>
        new NpgsqlConnectionStringBuilder(environment[ConnectionKey]).Username;

    private static string[] Listed(string field) => field == "-" ? [] : field.Split(',');

    [GeneratedRegex("APPS=\"(?<apps>[^\"]*)\"")]
    private static partial Regex AppsList();
}
