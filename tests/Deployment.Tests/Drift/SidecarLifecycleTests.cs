using System.Text.RegularExpressions;
using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>What keeps a sidecar with its app, and routable, through restarts and across nodes.</summary>
public sealed partial class SidecarLifecycleTests
{
    [GeneratedRegex(@"\$\{DAPR_VERSION:-(?<version>[^}]+)\}")]
    private static partial Regex DaprVersionDefault();

    [GeneratedRegex(@"Include=""Dapr\.Client"" Version=""(?<version>[^""]+)""")]
    private static partial Regex SdkVersion();

    // dapr/dapr#5718: with network_mode: service:<app>, a restarted app leaves its sidecar in the old, dead namespace.
    [Fact]
    public void Compose_apps_and_sidecars_share_a_holder_namespace_and_start_after_the_stores()
    {
        var compose = ComposeFile.Load("docker-compose.yml");
        var services = compose.TopLevel("services");

        foreach (var id in AppIds.All)
        {
            var holder = $"{id}-net";
            compose.Services[id].NetworkMode.Should().Be($"service:{holder}");
            compose.Services[id + "-dapr"].NetworkMode.Should().Be($"service:{holder}");
            compose.Services[holder].NetworkMode.Should().BeNull();
            Yaml.Strings(Yaml.Map(Yaml.Map(Yaml.Map(services[holder]), "networks"), "default").GetValueOrDefault("aliases"))
                .Should().Contain(id, "other containers call the app by its app id");
            Yaml.Strings(Yaml.Map(services[id]).GetValueOrDefault("depends_on")).Should().Contain(["postgres", "redis"]);
        }
    }

    // DAPR_NOTES §4/§7: daprd registers with placement the address of DAPR_HOST_IP, else one it picks, which on Swarm
    // may be on docker_gwbridge, unreachable from other nodes. Actor and workflow hosts (apps in the actor state store's
    // scopes) run one replica, so their sidecar's service name reaches exactly that task.
    [Fact]
    public void Swarm_sidecars_of_actor_hosts_register_a_routable_address()
    {
        var stack = ComposeFile.Load("stack.yml");
        var actorHosts = DaprResources.Catalog.Components.Where(c => c.Get("actorStateStore") == "true").SelectMany(c => c.Scopes).ToList();

        actorHosts.Should().NotBeEmpty();
        foreach (var id in actorHosts)
        {
            var sidecar = stack.Services[id + "-dapr"];
            sidecar.Environment.GetValueOrDefault("DAPR_HOST_IP").Should().Be(sidecar.Name);
            sidecar.Replicas.Should().Be(1);
            stack.Services[id].Replicas.Should().Be(1);
        }
    }

    // Dapr tests each SDK minor against the runtime of the same minor; 2026 releases carry the workflow fixes
    // (dapr/dapr#9843, #10465) for instances left RUNNING after a scheduler restart.
    [Fact]
    public void Runtime_images_are_pinned_to_the_SDKs_minor_everywhere()
    {
        var sdk = Version.Parse(SdkVersion().Match(Repo.Read("Directory.Packages.props")).Groups["version"].Value);
        var pins = new[] { "docker-compose.yml", "stack.yml" }
            .SelectMany(f => DaprVersionDefault().Matches(Repo.Read(f)).Select(m => m.Groups["version"].Value))
            .Append(EnvExample.Values["DAPR_VERSION"])
            .Distinct()
            .ToList();

        pins.Should().ContainSingle("compose, the stack and .env.example run one runtime");
        var runtime = Version.Parse(pins.Single());
        (runtime.Major, runtime.Minor).Should().Be((sdk.Major, sdk.Minor));
    }
    // dapr/dapr#10337: a sidecar can stay up and never be ready again. The sidecar image's health check
    // (deploy/docker/daprd.Dockerfile) marks it unhealthy, which Swarm replaces, and stops it after two minutes, which
    // compose's restart policy restarts only if it restarts after any exit.
    [Fact]
    public void Every_sidecar_runs_the_image_with_the_health_check_and_comes_back_after_it_stops()
    {
        var dockerfile = Repo.Read("deploy/docker/daprd.Dockerfile");
        dockerfile.Should().Contain("FROM daprio/daprd:${DAPR_VERSION}").And.Contain("HEALTHCHECK")
            .And.Contain("/probe/daprd-healthz.sh");

        var compose = ComposeFile.Load("docker-compose.yml");
        var stack = ComposeFile.Load("stack.yml");
        foreach (var sidecar in compose.Sidecars.Concat(stack.Sidecars))
        {
            sidecar.Image.Should().EndWith("/daprd:" + EnvExample.Values["DAPR_VERSION"], $"{sidecar.Name} needs the health check");
        }
        compose.Sidecars.Should().OnlyContain(s => Yaml.String(Yaml.Map(compose.TopLevel("services")[s.Name]), "restart") == "unless-stopped");
        stack.Sidecars.Should().OnlyContain(s => Yaml.String(Yaml.Map(s.Deploy, "restart_policy"), "condition") == "any");
    }
}
