using GamesDrop.BuildingBlocks.Components;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>components/ read by the ComponentCatalog, and as written.</summary>
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
