namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>One app of dapr.yaml (Multi-App Run).</summary>
public sealed record DaprRunApp(
    string AppId, int AppPort, int DaprHttpPort, int DaprGrpcPort,
    IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Environment);

public static class DaprRunFile
{
    public static IReadOnlyDictionary<string, object?> Root => Yaml.LoadMap(Repo.Path("dapr.yaml"));

    public static IReadOnlyList<DaprRunApp> Apps => Yaml.List(Root.GetValueOrDefault("apps"))
        .Select(Yaml.Map)
        .Select(a => new DaprRunApp(
            a["appID"]!.ToString()!,
            int.Parse(a["appPort"]!.ToString()!),
            int.Parse(a["daprHTTPPort"]!.ToString()!),
            int.Parse(a["daprGRPCPort"]!.ToString()!),
            Yaml.Strings(a.GetValueOrDefault("command")),
            Yaml.Map(a.GetValueOrDefault("env")).ToDictionary(e => e.Key, e => e.Value?.ToString() ?? "")))
        .ToList();
}
