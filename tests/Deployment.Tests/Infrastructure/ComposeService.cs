namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>One service of docker-compose.yml or stack.yml, variables resolved to their defaults.</summary>
public sealed record ComposeService(
    string Name,
    string? Image,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Secrets,
    IReadOnlyList<(string Source, string? Target)> Configs,
    IReadOnlyList<string> Volumes,
    IReadOnlyDictionary<string, object?> Deploy,
    string? NetworkMode)
{
    public bool IsDaprSidecar => Command.FirstOrDefault() == "./daprd";

    public DaprdFlags Flags => DaprdFlags.Parse(Command);

    public int Replicas => int.Parse(Yaml.String(Deploy, "replicas") ?? "1");

    public IReadOnlyList<string> PlacementConstraints =>
        Yaml.Strings(Yaml.Map(Deploy, "placement").GetValueOrDefault("constraints"));
}
