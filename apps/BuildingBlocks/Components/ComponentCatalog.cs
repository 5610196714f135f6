using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GamesDrop.BuildingBlocks.Components;

/// <summary>A Dapr component as declared in <c>components/*.yaml</c>.</summary>
public sealed record ComponentDefinition(
    string Name, string Type, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<string> Scopes)
{
    public string? Get(string key) => Metadata.TryGetValue(key, out var value) ? value : null;

    public bool IsInScope(string appId) => Scopes.Count == 0 || Scopes.Contains(appId);

    /// <summary>
    /// Dapr docs, "Bindings overview" / "Binding spec metadata": with <c>direction</c> set, daprd creates only the sides
    /// it names ("input", "output", or "input, output"); unset, every side the binding type has.
    /// </summary>
    public bool HasDirection(string direction) =>
        Get("direction") is not { } declared
        || declared.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(direction);
}

/// <summary>What daprd answers for a component it did not load for the calling app: unknown, outside its scopes, or not of that kind.</summary>
public sealed class ComponentNotFoundException(string message) : InvalidOperationException(message);

/// <summary>An HTTPEndpoint resource: a non-Dapr API reached through the sidecar by name.</summary>
public sealed record HttpEndpointDefinition(string Name, string BaseUrl, IReadOnlyList<string> Scopes);

/// <summary>
/// The resources in the components folder, read the way daprd reads them, so the Embedded profile is
/// configured from the very files the Dapr profile deploys.
/// </summary>
public sealed class ComponentCatalog
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private ComponentCatalog(
        IReadOnlyList<ComponentDefinition> components,
        IReadOnlyList<HttpEndpointDefinition> httpEndpoints,
        ResiliencySpec resiliency)
    {
        Components = components;
        HttpEndpoints = httpEndpoints;
        Resiliency = resiliency;
    }

    public IReadOnlyList<ComponentDefinition> Components { get; }
    public IReadOnlyList<HttpEndpointDefinition> HttpEndpoints { get; }
    public ResiliencySpec Resiliency { get; }

    public IEnumerable<ComponentDefinition> OfType(string type) => Components.Where(c => c.Type == type);

    /// <summary>
    /// Component <paramref name="name"/> as app <paramref name="appId"/>'s sidecar has it. Dapr docs, "How-To: Scope
    /// components to one or more applications": a component is loaded only for the app ids in its scopes, so any other
    /// app gets "not found", as here.
    /// </summary>
    public ComponentDefinition Require(string name, string appId) =>
        Components.FirstOrDefault(c => c.Name == name)
            is { } component
            ? component.IsInScope(appId)
                ? component
                : throw new ComponentNotFoundException($"Component '{name}' is not scoped to app '{appId}' ({string.Join(", ", component.Scopes)}).")
            : throw new ComponentNotFoundException($"No component '{name}' in the components folder.");

    public static ComponentCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Dapr components folder '{folder}' does not exist.");
        }
        var resources = Directory.EnumerateFiles(folder, "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(ReadDocuments)
            .ToList();
        return FromResources(resources);
    }

    public static ComponentCatalog Parse(string yaml) => FromResources(ReadDocuments(new StringReader(yaml), "(text)").ToList());

    private static ComponentCatalog FromResources(List<ResourceYaml> resources)
    {
        var components = resources.Where(r => r.Kind == "Component")
            .Select(r => new ComponentDefinition(
                r.Metadata.Name,
                r.Spec.Type ?? throw new InvalidDataException($"Component '{r.Metadata.Name}' has no spec.type."),
                r.Spec.Metadata.Where(m => m.Value is not null).ToDictionary(m => m.Name, m => m.Value!),
                r.Scopes))
            .ToList();
        var endpoints = resources.Where(r => r.Kind == "HTTPEndpoint")
            .Select(r => new HttpEndpointDefinition(r.Metadata.Name, r.Spec.BaseUrl ?? "", r.Scopes))
            .ToList();
        var resiliency = ResiliencySpec.From(resources.Where(r => r.Kind == "Resiliency").Select(r => r.Spec));
        return new ComponentCatalog(components, endpoints, resiliency);
    }

    private static IEnumerable<ResourceYaml> ReadDocuments(string path)
    {
        using var reader = File.OpenText(path);
        return ReadDocuments(reader, path).ToList();
    }

    private static IEnumerable<ResourceYaml> ReadDocuments(TextReader reader, string source)
    {
        var parser = new Parser(reader);
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.TryConsume<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            ResourceYaml? doc;
            try
            {
                doc = Yaml.Deserialize<ResourceYaml?>(parser);
            }
            catch (YamlException e)
            {
                throw new InvalidDataException($"{source}: {e.Message}", e);
            }
            parser.TryConsume<YamlDotNet.Core.Events.DocumentEnd>(out _);
            if (doc is not null && doc.Kind.Length > 0)
            {
                yield return doc;
            }
        }
    }

    /// <summary>The components folder: configured, else the nearest <c>components/</c> above the app.</summary>
    public static string LocateFolder(string? configured, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, startDirectory);
        }
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "components");
            if (File.Exists(Path.Combine(candidate, "resiliency.yaml")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"No components/ folder with resiliency.yaml above '{startDirectory}'; set GamesDrop:ComponentsPath.");
    }
}
