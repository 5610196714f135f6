using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>dapr.yaml, docker-compose.yml and stack.yml run the same apps on the same ports.</summary>
public sealed class TopologyTests
{
    public static TheoryData<string> DeploymentFiles => new() { "docker-compose.yml", "stack.yml" };

    [Fact]
    public void Dapr_yaml_runs_exactly_the_app_ids_from_their_projects()
    {
        var apps = DaprRunFile.Apps;

        apps.Select(a => a.AppId).Should().BeEquivalentTo(AppIds.All);
        apps.Should().OnlyContain(a => a.Command.Contains($"apps/{AppSources.Projects[a.AppId]}"), "each app runs its own project");
        apps.Should().OnlyContain(a => new Uri(a.Environment["ASPNETCORE_URLS"]).Port == a.AppPort, "the app listens where daprd calls it");
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void Every_app_id_has_an_app_service_and_an_app_dapr_sidecar_and_nothing_else(string file)
    {
        var compose = ComposeFile.Load(file);

        compose.Sidecars.Select(s => s.Flags["app-id"]).Should().BeEquivalentTo(AppIds.All);
        compose.Sidecars.Should().OnlyContain(s => s.Name == s.Flags["app-id"] + "-dapr");
        compose.Services.Keys.Where(k => k.EndsWith("-dapr")).Should().BeEquivalentTo(AppIds.All.Select(id => id + "-dapr"));
        compose.Services.Keys.Should().Contain(AppIds.All);
    }

    // daprd presents APP_API_TOKEN to its app and wants DAPR_API_TOKEN from it: a pair per app means a token taken from
    // one app (or its sidecar) is refused by every other app and sidecar.
    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void Each_app_and_only_its_own_sidecar_share_a_token_pair(string file)
    {
        var compose = ComposeFile.Load(file);
        var pairs = AppIds.All.ToDictionary(id => id, id => Pair(compose.Services[id]));

        foreach (var id in AppIds.All)
        {
            pairs[id].App.Should().MatchRegex("^<[A-Z_]+>$", $"{file}: {id}'s app token is a required variable, never a default");
            Pair(compose.Services[id + "-dapr"]).Should().Be(pairs[id], $"{file}: {id} and its sidecar hold the same pair");
        }
        pairs.Values.SelectMany(p => new[] { p.App, p.Dapr }).Should().OnlyHaveUniqueItems($"{file}: no two apps or directions share a token");
        compose.Services.Values.Where(s => !AppIds.All.Contains(s.Name.Replace("-dapr", "", StringComparison.Ordinal)))
            .Should().OnlyContain(s => !s.Environment.ContainsKey("APP_API_TOKEN") && !s.Environment.ContainsKey("DAPR_API_TOKEN"), $"{file}: nothing else holds a token");
    }

    private static (string? App, string? Dapr) Pair(ComposeService service) =>
        (service.Environment.GetValueOrDefault("APP_API_TOKEN"), service.Environment.GetValueOrDefault("DAPR_API_TOKEN"));

    // Links in mails and PayPal's return pages are built from it; unset, they would point at localhost.
    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void The_apps_that_link_to_the_store_know_its_public_https_address(string file)
    {
        var compose = ComposeFile.Load(file);

        foreach (var appId in new[] { AppIds.Kernel, AppIds.Checkout, AppIds.Notifier })
        {
            compose.Services[appId].Environment.GetValueOrDefault("Store__PublicUrl").Should().Contain("https://", $"{file}: {appId}");
        }
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void Ports_agree_with_dapr_yaml(string file)
    {
        var compose = ComposeFile.Load(file);

        foreach (var run in DaprRunFile.Apps)
        {
            var app = compose.Services[run.AppId];
            var sidecar = compose.Services[run.AppId + "-dapr"];
            // Sharing one network namespace with the app (compose) the sidecar is localhost; else it is its own service.
            var sidecarHost = sidecar.NetworkMode is { } mode && mode == app.NetworkMode ? "localhost" : sidecar.Name;

            sidecar.Flags.Port("app-port").Should().Be(run.AppPort, $"{file}: {sidecar.Name} calls {run.AppId}");
            sidecar.Flags.Port("dapr-http-port").Should().Be(run.DaprHttpPort, $"{file}: {sidecar.Name}");
            sidecar.Flags.Port("dapr-grpc-port").Should().Be(run.DaprGrpcPort, $"{file}: {sidecar.Name}");
            (sidecar.Flags["app-channel-address"] ?? "localhost").Should().Be(sidecarHost == "localhost" ? "localhost" : run.AppId);
            app.Environment["ASPNETCORE_HTTP_PORTS"].Should().Be(run.AppPort.ToString(), $"{file}: {run.AppId} listens there");
            app.Environment["DAPR_HTTP_ENDPOINT"].Should().Be($"http://{sidecarHost}:{run.DaprHttpPort}", $"{file}: {run.AppId}");
            app.Environment["DAPR_GRPC_ENDPOINT"].Should().Be($"http://{sidecarHost}:{run.DaprGrpcPort}", $"{file}: {run.AppId}");
        }
    }

    [Theory]
    [InlineData("docker-compose.yml", "{appid}")]
    [InlineData("stack.yml", "{appid}-dapr")]
    public void Sidecars_resolve_each_other_at_the_internal_port_they_listen_on(string file, string host)
    {
        var compose = ComposeFile.Load(file);

        foreach (var sidecar in compose.Sidecars)
        {
            var config = MountedFile(compose, sidecar, sidecar.Flags["config"]!)!;
            var nameResolution = Yaml.Map(Yaml.Map(Yaml.LoadMap(Repo.Path(config)), "spec"), "nameResolution");
            var format = Yaml.String(Yaml.Map(nameResolution, "configuration"), "format");
            format.Should().Be($"{host}:{sidecar.Flags["dapr-internal-grpc-port"]}", $"{file}: {sidecar.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void Every_resource_file_reaches_every_app_and_sidecar(string file)
    {
        var compose = ComposeFile.Load(file);
        var resources = DaprResources.All.Where(r => r.Kind != "Configuration").Select(r => r.File).Distinct();

        foreach (var id in AppIds.All)
        {
            var sidecar = compose.Services[id + "-dapr"];
            var folder = sidecar.Flags["resources-path"]!;
            compose.Services[id].Environment["GamesDrop__ComponentsPath"].Should().Be(folder, $"{file}: {id} reads what its sidecar reads");
            foreach (var resource in resources)
            {
                MountedFile(compose, sidecar, $"{folder}/{resource}").Should().Be($"./components/{resource}", $"{file}: {sidecar.Name}");
                MountedFile(compose, compose.Services[id], $"{folder}/{resource}").Should().Be($"./components/{resource}", $"{file}: {id}");
            }
        }
    }

    // The repository file a service sees at a path: through a bind-mounted folder or file, or a Swarm config.
    internal static string? MountedFile(ComposeFile compose, ComposeService service, string path)
    {
        foreach (var volume in service.Volumes.Select(v => v.Split(':')))
        {
            if (path == volume[1])
            {
                return volume[0];
            }
            if (path.StartsWith(volume[1] + "/", StringComparison.Ordinal))
            {
                return volume[0] + path[volume[1].Length..];
            }
        }
        var config = service.Configs.FirstOrDefault(c => c.Target == path).Source;
        return config is null ? null : Yaml.String(compose.TopLevel("configs")[config], "file");
    }
}
