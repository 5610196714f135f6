using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>stack.yml's Swarm rules: who is on which network, what is pinned, how services roll, where secrets live.</summary>
public sealed class StackTests
{
    private readonly ComposeFile _stack = ComposeFile.Load("stack.yml");

    [Fact]
    public void Only_the_public_API_shares_the_public_network_and_data_stays_on_the_shared_one()
    {
        // The API and the suppliers' webhooks: the apps nginx proxies to.
        var publicApps = new[] { "BFF_URL", "SUPPLIERS_URL" }.Select(v => new Uri(_stack.Services["nginx"].Environment[v]).Host).ToList();
        var stores = _stack.Services.Values.Where(s => s.Volumes.Count > 0 && !s.Image!.StartsWith("daprio/")).Select(s => s.Name);

        AppIds.All.Should().Contain(publicApps);
        _stack.Services["nginx"].Networks.Should().Equal("b2c_network");
        _stack.Services["web"].Networks.Should().Equal("b2c_network");
        foreach (var id in AppIds.All)
        {
            var isPublic = publicApps.Contains(id);
            var expected = isPublic ? new[] { "b2c_network", "gamesdrop", "shared_network" } : ["gamesdrop", "shared_network"];
            _stack.Services[id].Networks.Should().BeEquivalentTo(expected, $"{id} is {(isPublic ? "" : "not ")}public");
            _stack.Services[id + "-dapr"].Networks.Should().BeEquivalentTo(["gamesdrop", "shared_network"]);
        }
        stores.Should().BeEquivalentTo(["postgres", "redis", "rabbitmq"]);
        stores.Should().OnlyContain(s => _stack.Services[s].Networks.SequenceEqual(new[] { "shared_network" }));
    }

    [Fact]
    public void Services_with_volumes_and_the_control_plane_run_once_on_a_chosen_node()
    {
        var pinned = _stack.Services.Values.Where(s => s.Volumes.Count > 0 || (s.Image!.StartsWith("daprio/") && !s.IsDaprSidecar));

        pinned.Should().OnlyContain(s => s.Replicas == 1 && s.PlacementConstraints.Count > 0,
            "a local volume exists on one node, and placement, scheduler and sentry run once");
    }

    [Fact]
    public void Every_service_has_limits_a_restart_policy_and_rolling_update_and_rollback_settings()
    {
        var problems = _stack.Services.Values
            .Where(s => !Yaml.Map(s.Deploy, "resources").ContainsKey("limits")
                || !s.Deploy.ContainsKey("restart_policy")
                || Yaml.String(s.Deploy, "update_config") is null
                || Yaml.String(s.Deploy, "rollback_config") is null)
            .Select(s => s.Name);

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Secrets_are_external_and_secrets_and_configs_are_declared_and_used()
    {
        var secrets = _stack.TopLevel("secrets");
        var configs = _stack.TopLevel("configs");
        var usedSecrets = _stack.Services.Values.SelectMany(s => s.Secrets).ToHashSet();
        var usedConfigs = _stack.Services.Values.SelectMany(s => s.Configs.Select(c => c.Source)).ToHashSet();

        secrets.Values.Should().OnlyContain(s => Yaml.String(s, "external") == "true", "no secret file is part of the repository");
        secrets.Keys.Should().BeEquivalentTo(usedSecrets);
        configs.Keys.Should().BeEquivalentTo(usedConfigs);
        configs.Values.Should().OnlyContain(c => File.Exists(Repo.Path(Yaml.String(c, "file")!)));
    }

    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData("stack.yml")]
    public void Every_variable_is_documented_in_env_example(string file)
    {
        Interpolation.Names(Repo.Read(file)).Should().BeSubsetOf(EnvExample.Values.Keys);
    }
}
