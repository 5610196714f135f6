namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>docker-compose.yml or stack.yml as the tests read it.</summary>
public sealed class ComposeFile
{
    private readonly IReadOnlyDictionary<string, object?> _root;

    private ComposeFile(string fileName, IReadOnlyDictionary<string, object?> root)
    {
        FileName = fileName;
        _root = root;
        Services = Yaml.Map(root, "services")
            .Select(s => ToService(s.Key, Yaml.Map(s.Value)))
            .ToDictionary(s => s.Name);
    }

    public string FileName { get; }
    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    public IEnumerable<ComposeService> Sidecars => Services.Values.Where(s => s.IsDaprSidecar);

    public IReadOnlyDictionary<string, object?> TopLevel(string key) => Yaml.Map(_root, key);

    public static ComposeFile Load(string fileName) =>
        new(fileName, Yaml.ParseMap(Interpolation.WithDefaults(Repo.Read(fileName))));

    private static ComposeService ToService(string name, IReadOnlyDictionary<string, object?> yaml) => new(
        name,
        yaml.GetValueOrDefault("image")?.ToString(),
        yaml.GetValueOrDefault("command") is string command ? command.Split(' ', StringSplitOptions.RemoveEmptyEntries) : Yaml.Strings(yaml.GetValueOrDefault("command")),
        Environment(yaml.GetValueOrDefault("environment")),
        Names(yaml.GetValueOrDefault("networks")),
        Mounts(yaml.GetValueOrDefault("secrets")).Select(m => m.Source).ToList(),
        Mounts(yaml.GetValueOrDefault("configs")),
        Yaml.Strings(yaml.GetValueOrDefault("volumes")),
        Yaml.Map(yaml.GetValueOrDefault("deploy")),
        yaml.GetValueOrDefault("network_mode")?.ToString());

    // Compose allows a map or a list of KEY=VALUE.
    private static IReadOnlyDictionary<string, string> Environment(object? node) => node is IList<object?> list
        ? list.Select(i => i!.ToString()!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "")
        : Yaml.Map(node).ToDictionary(e => e.Key, e => e.Value?.ToString() ?? "");

    private static IReadOnlyList<string> Names(object? node) => node is IList<object?>
        ? Yaml.Strings(node)
        : Yaml.Map(node).Keys.ToList();

    // Short syntax "name" or long syntax {source: name, target: ...}.
    private static IReadOnlyList<(string Source, string? Target)> Mounts(object? node) =>
        Yaml.List(node).Select(i => i is string s ? (s, null) : (Yaml.String(i, "source")!, Yaml.String(i, "target"))).ToList();
}
