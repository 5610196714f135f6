using GamesDrop.BuildingBlocks.Components;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>A resource document of components/ as written, for what the catalog does not keep (secret refs, targets).</summary>
public sealed record DaprResource(string File, string Kind, string Name, IReadOnlyDictionary<string, object?> Yaml)
{
    public IReadOnlyDictionary<string, object?> Spec => Infrastructure.Yaml.Map(Yaml, "spec");

    public IReadOnlyList<string> Scopes => Infrastructure.Yaml.Strings(Yaml.GetValueOrDefault("scopes"));

    public string? SecretStore => Infrastructure.Yaml.String(Infrastructure.Yaml.Map(Yaml, "auth"), "secretStore");

    /// <summary>Component metadata and HTTPEndpoint headers: name, plain value, and whether it is a secretKeyRef.</summary>
    public IEnumerable<(string Name, string? Value, bool IsSecretRef)> Settings =>
        Infrastructure.Yaml.List(Spec.GetValueOrDefault("metadata"))
            .Concat(Infrastructure.Yaml.List(Spec.GetValueOrDefault("headers")))
            .Select(Infrastructure.Yaml.Map)
            .Select(m => (m["name"]!.ToString()!, m.GetValueOrDefault("value")?.ToString(), m.ContainsKey("secretKeyRef")));
}

public static class DaprResources
{
    public static ComponentCatalog Catalog => ComponentCatalog.Load(Repo.ComponentsFolder);

    public static IReadOnlyList<DaprResource> All => Directory.GetFiles(Repo.ComponentsFolder, "*.yaml")
        .Order(StringComparer.Ordinal)
        .SelectMany(file => Yaml.LoadAll(file).Select(doc => (File: Path.GetFileName(file), Doc: Yaml.Map(doc))))
        .Select(r => new DaprResource(r.File, r.Doc["kind"]!.ToString()!, Yaml.String(Yaml.Map(r.Doc, "metadata"), "name")!, r.Doc))
        .ToList();

    public static DaprResource Resiliency => All.Single(r => r.Kind == "Resiliency");

    /// <summary>Names under targets.apps / targets.components / targets.actors of resiliency.yaml.</summary>
    public static IReadOnlyList<string> ResiliencyTargets(string kind) =>
        Yaml.Map(Yaml.Map(Resiliency.Spec, "targets"), kind).Keys.ToList();
}
