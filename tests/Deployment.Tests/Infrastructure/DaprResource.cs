namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>A resource document of components/ as written, for what the catalog does not keep (secret refs, targets).</summary>
public sealed record DaprResource(string File, string Kind, string Name, IReadOnlyDictionary<string, object?> Document)
{
    public IReadOnlyDictionary<string, object?> Spec => Yaml.Map(Document, "spec");

    public IReadOnlyList<string> Scopes => Yaml.Strings(Document.GetValueOrDefault("scopes"));

    public string? SecretStore => Yaml.String(Yaml.Map(Document, "auth"), "secretStore");

    /// <summary>Component metadata and HTTPEndpoint headers: name, plain value, and whether it is a secretKeyRef.</summary>
    public IEnumerable<(string Name, string? Value, bool IsSecretRef)> Settings =>
        Yaml.List(Spec.GetValueOrDefault("metadata"))
            .Concat(Yaml.List(Spec.GetValueOrDefault("headers")))
            .Select(Yaml.Map)
            .Select(m => (m["name"]!.ToString()!, m.GetValueOrDefault("value")?.ToString(), m.ContainsKey("secretKeyRef")));
}
