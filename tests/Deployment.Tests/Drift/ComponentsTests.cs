using System.Text.RegularExpressions;
using GamesDrop.BuildingBlocks.Bindings;
using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>components/ loads the way the Embedded profile reads it and names only real things.</summary>
public sealed partial class ComponentsTests
{
    // Setting names that carry credentials, their values must come from the secret store; a *File or *Path
    // (secretstores.local.file's secretsFile) only says where secrets are.
    [GeneratedRegex("^(?!.*(File|Path)$).*(password|secret|token|key|authorization|connectionstring)", RegexOptions.IgnoreCase)]
    private static partial Regex SensitiveName();

    // scheme://user:password@host: credentials inside a URL.
    [GeneratedRegex(@"://[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex UrlWithCredentials();

    [Fact]
    public void Components_folder_loads_with_the_ComponentCatalog()
    {
        var catalog = DaprResources.Catalog;

        catalog.Components.Should().NotBeEmpty();
        catalog.HttpEndpoints.Should().OnlyContain(e => e.BaseUrl.StartsWith("https://"), "HTTPEndpoints need a scheme, and partners speak TLS");
        foreach (var cron in catalog.OfType("bindings.cron"))
        {
            CronSchedule.Parse(cron.Get("schedule")!).Should().NotBeNull();
        }
        foreach (var name in catalog.Resiliency.Apps.Keys)
        {
            catalog.Resiliency.ForApp(name).Should().NotBeNull();
        }
    }

    [Fact]
    public void Input_bindings_are_declared_input_and_scoped()
    {
        var inputs = DaprResources.Catalog.Components.Where(c => c.Type is "bindings.cron" or "bindings.rabbitmq");

        inputs.Should().OnlyContain(b => b.Get("direction") == "input" && b.Scopes.Count > 0,
            "daprd probes undeclared bindings with OPTIONS, and an unscoped binding fires in every app");
    }

    [Fact]
    public void Scopes_name_only_real_app_ids()
    {
        var problems = DaprResources.All
            .SelectMany(r => r.Scopes.Except(AppIds.All).Select(s => $"{r.File}: {r.Kind} '{r.Name}' is scoped to unknown app '{s}'"));

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Credentials_are_secret_references_never_values()
    {
        var problems = DaprResources.All
            .SelectMany(r => r.Settings.Select(s => (Resource: r, Setting: s)))
            .Where(x => !x.Setting.IsSecretRef
                && (SensitiveName().IsMatch(x.Setting.Name) || UrlWithCredentials().IsMatch(x.Setting.Value ?? "")))
            .Select(x => $"{x.Resource.File}: '{x.Resource.Name}' sets {x.Setting.Name} as a value; use secretKeyRef");

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Secret_references_name_a_secret_store_in_scope_of_every_app_using_them()
    {
        var stores = DaprResources.Catalog.Components.Where(c => c.Type.StartsWith("secretstores.")).ToList();
        var problems = new List<string>();

        foreach (var resource in DaprResources.All.Where(r => r.Settings.Any(s => s.IsSecretRef)))
        {
            var store = stores.SingleOrDefault(s => s.Name == resource.SecretStore);
            var apps = resource.Scopes.Count > 0 ? resource.Scopes : AppIds.All;
            if (store is null)
            {
                problems.Add($"{resource.File}: '{resource.Name}' reads secrets from '{resource.SecretStore}', which is no secret store");
                continue;
            }
            problems.AddRange(apps.Where(a => !store.IsInScope(a))
                .Select(a => $"{resource.File}: '{resource.Name}' reads secrets in {a}, where '{store.Name}' is not in scope"));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Resiliency_targets_name_real_apps_endpoints_and_components()
    {
        var catalog = DaprResources.Catalog;
        var invocable = AppIds.All.Concat(catalog.HttpEndpoints.Select(e => e.Name));
        var components = catalog.Components.Select(c => c.Name);

        DaprResources.ResiliencyTargets("apps").Should().BeSubsetOf(invocable, "targets.apps are app ids or HTTPEndpoint names");
        DaprResources.ResiliencyTargets("components").Should().BeSubsetOf(components);
    }

    [Fact]
    public void Every_HTTPEndpoint_has_resiliency_policies()
    {
        var catalog = DaprResources.Catalog;

        catalog.HttpEndpoints.Should().OnlyContain(e => catalog.Resiliency.ForApp(e.Name) != null,
            "a partner API without a timeout holds a request until the client gives up");
    }
}
