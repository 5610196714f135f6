using System.Text.RegularExpressions;
using GamesDrop.Embedded.Runtime.Bindings;
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

    // components-contrib bindings/rabbitmq/metadata.yaml (and rabbitmq.go's mapstructure tags), plus Dapr's binding-wide
    // direction and route: daprd ignores any other name, so a misspelt one (reconnectWait) silently does nothing.
    private static readonly string[] RabbitMqBindingMetadata =
    [
        "host", "queueName", "durable", "deleteWhenUnused", "ttlInSeconds", "prefetchCount", "exclusive", "maxPriority",
        "contentType", "reconnectWaitInSeconds", "caCert", "clientCert", "clientKey", "externalSasl", "direction", "route",
    ];

    // Dapr docs, "Bindings overview" / "How-To: Trigger your application with input bindings": a binding with
    // direction "input" gets no output side, so InvokeBinding on it fails; daprd probes a binding without a
    // direction with OPTIONS; and an unscoped binding is loaded, and a cron fired, in every app.
    [Fact]
    public void Bindings_declare_the_sides_the_apps_use_and_are_scoped()
    {
        var bindings = DaprResources.Catalog.Components.Where(c => c.Type.StartsWith("bindings.")).ToDictionary(c => c.Name);
        var outputs = AppSources.Calls("InvokeAsync")
            .Select(call => (Call: call, Binding: bindings.GetValueOrDefault(Constants.Resolve(call.Argument(0)) ?? "")))
            .Where(x => x.Binding is not null)
            .ToList();

        outputs.Should().NotBeEmpty("the suppliers' webhooks write to supplier-feed");
        outputs.Where(x => !x.Binding!.HasDirection("output") || !x.Binding.IsInScope(x.Call.AppId))
            .Select(x => $"{x.Call.Location}: writes to '{x.Binding!.Name}', which has no output side in {x.Call.AppId} (direction '{x.Binding.Get("direction")}', scopes {string.Join(",", x.Binding.Scopes)})")
            .Should().BeEmpty();
        bindings.Values.Should().OnlyContain(b => b.Get("direction") != null && b.Scopes.Count > 0);
        bindings.Values.Where(b => b.Type == "bindings.cron").Should().OnlyContain(b => b.Get("direction") == "input");
    }

    [Fact]
    public void RabbitMQ_bindings_use_only_metadata_names_the_component_reads()
    {
        var names = DaprResources.Catalog.OfType("bindings.rabbitmq")
            .SelectMany(b => DaprResources.All.Single(r => r.Name == b.Name).Settings.Select(s => $"{b.Name}: {s.Name}"));

        names.Should().NotBeEmpty().And.OnlyContain(n => RabbitMqBindingMetadata.Contains(n.Split(": ")[1]));
    }

    // Dapr docs, "Redis Streams" pubsub spec: maxLenApprox is the only trim; a topic with no consumer grows for ever.
    [Fact]
    public void Redis_streams_are_trimmed()
    {
        DaprResources.Catalog.OfType("pubsub.redis").Should().OnlyContain(p => int.Parse(p.Get("maxLenApprox") ?? "0") > 0);
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

    // Dapr docs, "Resiliency targets": daprd applies an app target's retry to every call, POSTs included; the apps retry
    // only repeatable calls themselves (ServiceInvocation), so an app id's target carries no retry.
    [Fact]
    public void App_targets_carry_no_retry_and_the_apps_own_retry_policy_exists()
    {
        var resiliency = DaprResources.Catalog.Resiliency;

        AppIds.All.Select(id => (Id: id, Policy: resiliency.ForApp(id))).Where(t => t.Policy?.Retry is not null)
            .Select(t => t.Id).Should().BeEmpty();
        resiliency.Retry(GamesDrop.BuildingBlocks.Invocation.ServiceInvocation.InternalRetryPolicy).Should().NotBeNull();
    }

    [Fact]
    public void Every_HTTPEndpoint_has_resiliency_policies()
    {
        var catalog = DaprResources.Catalog;

        catalog.HttpEndpoints.Should().OnlyContain(e => catalog.Resiliency.ForApp(e.Name) != null,
            "a partner API without a timeout holds a request until the client gives up");
    }
}
