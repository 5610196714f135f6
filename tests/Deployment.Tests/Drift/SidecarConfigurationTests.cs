using System.Reflection;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>
/// Each sidecar runs with its own app's Configuration (components/config/&lt;profile&gt;/&lt;app&gt;.yaml): the profile's
/// shared settings, the secrets the app's code reads, and (stack only, where mTLS names the caller) the apps that call it.
/// </summary>
public sealed class SidecarConfigurationTests
{
    // Profile folder → the shared settings its app files repeat.
    public static TheoryData<string, string> Profiles => new()
    {
        { "local", "config.yaml" },
        { "compose", "config.compose.yaml" },
        { "swarm", "config.swarm.yaml" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_apps_file_repeats_its_profiles_shared_settings(string profile, string shared)
    {
        var expected = Spec(Repo.Path("components", shared));

        foreach (var appId in AppIds.All)
        {
            var spec = Spec(AppFile(profile, appId)).Where(e => e.Key is not ("secrets" or "accessControl"));
            spec.Should().BeEquivalentTo(expected, $"{profile}/{appId}.yaml repeats {shared}");
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Each_app_may_read_exactly_the_secrets_its_code_names(string profile, string shared)
    {
        _ = shared;
        foreach (var appId in AppIds.All)
        {
            var configuration = Configuration(profile, appId);

            configuration.AllowedSecrets(DaprComponents.SecretStore).Should().BeEquivalentTo(SecretsReadBy(appId), $"{profile}/{appId}.yaml");
            configuration.IsSecretAllowed(DaprComponents.SecretStore, "redis-password").Should().BeFalse($"{profile}/{appId}.yaml denies the rest");
        }
    }

    [Fact]
    public void Secret_names_are_found_in_every_app_that_reads_secrets()
    {
        // The derivation above relies on the naming convention; an app reading secrets under another name would go unseen.
        AppIds.All.Should().OnlyContain(appId => SecretsReadBy(appId).Count > 0);
    }

    [Fact]
    public void The_stacks_access_control_lets_in_exactly_the_apps_whose_code_calls_it()
    {
        var calls = Invocations();

        foreach (var callee in AppIds.All)
        {
            var configuration = Configuration("swarm", callee);
            var callers = calls.Where(c => c.Callee == callee).Select(c => c.Caller).Distinct().ToList();

            configuration.Callers.Should().BeEquivalentTo(callers, $"swarm/{callee}.yaml: who calls {callee}");
            foreach (var other in AppIds.All)
            {
                configuration.IsInvocationAllowed(other, "/anything", "POST")
                    .Should().Be(callers.Contains(other), $"{other} → {callee}");
            }
        }
    }

    [Fact]
    public void Every_service_client_names_the_app_whose_code_it_is_in_as_its_caller()
    {
        var problems = AppSources.Calls("AddServiceClient")
            .Where(call => call.Arguments.Count < 2 || Constants.Resolve(call.Argument(1).Replace("from:", "", StringComparison.Ordinal)) != call.AppId)
            .Select(call => $"{call.Location}: from {(call.Arguments.Count < 2 ? "nobody" : call.Argument(1))}, in {call.AppId}'s code");

        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("local")]
    [InlineData("compose")]
    public void Access_control_is_set_only_where_sidecars_have_mtls(string profile)
    {
        // Without Sentry daprd cannot tell callers apart, so a deny default would refuse every call.
        AppIds.All.Should().OnlyContain(appId => !Configuration(profile, appId).HasAccessControl);
        Yaml.Map(Yaml.LoadMap(Repo.Path("components", "config.swarm.yaml")), "spec").Should().ContainKey("mtls");
    }

    [Theory]
    [InlineData("docker-compose.yml", "compose")]
    [InlineData("stack.yml", "swarm")]
    public void Every_sidecar_runs_with_its_own_apps_configuration(string file, string profile)
    {
        var compose = ComposeFile.Load(file);

        foreach (var appId in AppIds.All)
        {
            var sidecar = compose.Services[appId + "-dapr"];
            TopologyTests.MountedFile(compose, sidecar, sidecar.Flags["config"]!)
                .Should().Be($"./components/{SidecarConfiguration.Folder}/{profile}/{appId}.yaml", $"{file}: {sidecar.Name}");
        }
    }

    [Fact]
    public void Every_app_in_dapr_yaml_runs_with_its_own_configuration()
    {
        var apps = Yaml.List(DaprRunFile.Root.GetValueOrDefault("apps")).Select(Yaml.Map).ToList();

        apps.Select(a => a["appID"]!.ToString()).Should().BeEquivalentTo(AppIds.All);
        foreach (var app in apps)
        {
            app.GetValueOrDefault("configFilePath")?.ToString()
                .Should().Be($"./components/{SidecarConfiguration.Folder}/local/{app["appID"]}.yaml");
        }
        Yaml.Map(DaprRunFile.Root, "common").Should().NotContainKey("configFilePath");
    }

    private static string AppFile(string profile, string appId) => Repo.Path("components", SidecarConfiguration.Folder, profile, appId + ".yaml");

    private static SidecarConfiguration Configuration(string profile, string appId)
    {
        File.Exists(AppFile(profile, appId)).Should().BeTrue($"{profile}/{appId}.yaml exists");
        return SidecarConfiguration.Load(Repo.ComponentsFolder, profile, appId);
    }

    private static IReadOnlyDictionary<string, object?> Spec(string path) => Yaml.Map(Yaml.LoadMap(path), "spec");

    /// <summary>The secret names an app's code declares: its string constants named <c>*Secret</c> or <c>*SecretName</c>.</summary>
    private static IReadOnlyList<string> SecretsReadBy(string appId) => Assembly.Load(new AssemblyName(AppSources.Projects[appId]))
        .GetTypes()
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(f => f.IsLiteral && f.FieldType == typeof(string) && (f.Name.EndsWith("Secret", StringComparison.Ordinal) || f.Name.EndsWith("SecretName", StringComparison.Ordinal)))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct()
        .ToList();

    /// <summary>Who invokes whom, from the code: each AddServiceClient(target, from: caller), and the settings client to the kernel.</summary>
    private static IReadOnlyList<(string Caller, string Callee)> Invocations() => AppSources.Calls("AddServiceClient")
        .Select(call => (Caller: Constants.Resolve(call.Argument(1).Replace("from:", "", StringComparison.Ordinal))!, Callee: Constants.Resolve(call.Argument(0))!))
        .Concat(AppSources.Calls("AddStoredSettingsFromKernel").Select(call => (Caller: Constants.Resolve(call.Argument(0))!, Callee: AppIds.Kernel)))
        .ToList();
}
