using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GamesDrop.BuildingBlocks.Components;

/// <summary>
/// The parts of an app's Dapr Configuration (<c>components/config/&lt;profile&gt;/&lt;appId&gt;.yaml</c>) that say what the
/// app may do: which secrets it may read, and which apps may invoke which of its operations. Decided here as daprd
/// decides them (Dapr docs, "Limit secret store access" and "Apply access control list configuration for service
/// invocation"), so the Embedded profile refuses what the sidecars refuse.
/// </summary>
public sealed class SidecarConfiguration
{
    /// <summary>daprd's trust domain and namespace when the Configuration and the environment name none.</summary>
    public const string DefaultTrustDomain = "public";
    public const string DefaultNamespace = "default";

    /// <summary>Where each app's Configuration lives under the components folder, per deploy profile.</summary>
    public const string Folder = "config";

    /// <summary>The profile whose files the Embedded host enforces: the stack, the one where daprd has mTLS and so knows callers.</summary>
    public const string EnforcedProfile = "swarm";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly ConfigurationYaml _yaml;

    private SidecarConfiguration(ConfigurationYaml yaml) => _yaml = yaml;

    /// <summary>The Configuration daprd runs with when given none: every secret, every caller allowed.</summary>
    public static SidecarConfiguration None { get; } = new(new ConfigurationYaml());

    public static SidecarConfiguration Parse(string yaml) =>
        Yaml.Deserialize<ConfigurationYaml?>(yaml) is { Kind: "Configuration" } parsed
            ? new SidecarConfiguration(parsed)
            : throw new InvalidDataException("Not a Dapr Configuration.");

    /// <summary>App <paramref name="appId"/>'s Configuration for <paramref name="profile"/>, or <see cref="None"/> when it has no file.</summary>
    public static SidecarConfiguration Load(string componentsFolder, string profile, string appId)
    {
        var path = Path.Combine(componentsFolder, Folder, profile, appId + ".yaml");
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : None;
    }

    /// <summary>The secrets <c>allowedSecrets</c> names for <paramref name="store"/>; empty when it names none.</summary>
    public IReadOnlyList<string> AllowedSecrets(string store) =>
        _yaml.Spec.Secrets.Scopes.FirstOrDefault(s => s.StoreName == store)?.AllowedSecrets ?? [];

    /// <summary>daprd's rule: a non-empty allowedSecrets is the whole answer, then deniedSecrets, then defaultAccess (allow).</summary>
    public bool IsSecretAllowed(string store, string key)
    {
        if (_yaml.Spec.Secrets.Scopes.FirstOrDefault(s => s.StoreName == store) is not { } scope)
        {
            return true;
        }
        if (scope.AllowedSecrets.Count > 0)
        {
            return scope.AllowedSecrets.Contains(key);
        }
        return !scope.DeniedSecrets.Contains(key) && !IsDeny(scope.DefaultAccess);
    }

    /// <summary>The calling app ids the access control has a policy for.</summary>
    public IReadOnlyList<string> Callers => _yaml.Spec.AccessControl?.Policies.Select(p => p.AppId).ToList() ?? [];

    public bool HasAccessControl => _yaml.Spec.AccessControl is not null;

    /// <summary>
    /// Whether app <paramref name="callerAppId"/> (trust domain and namespace as daprd gives them) may call
    /// <paramref name="operation"/> (the path after <c>/method</c>) with <paramref name="verb"/>. As daprd: no access
    /// control allows all; an unknown caller or one in another trust domain or namespace gets the global default; a known
    /// one its operation's action for the verb (or <c>*</c>), else its own default.
    /// </summary>
    public bool IsInvocationAllowed(string callerAppId, string operation, string verb,
        string trustDomain = DefaultTrustDomain, string @namespace = DefaultNamespace)
    {
        if (_yaml.Spec.AccessControl is not { } acl)
        {
            return true;
        }
        // With policies but no global default, daprd takes the safer one: deny.
        var allowed = acl.DefaultAction is { Length: > 0 } global ? !IsDeny(global) : acl.Policies.Count == 0;
        if (acl.Policies.FirstOrDefault(p => p.AppId == callerAppId) is not { } policy
            || (policy.TrustDomain is { Length: > 0 } domain ? domain : DefaultTrustDomain) != trustDomain
            || (policy.Namespace is { Length: > 0 } ns ? ns : DefaultNamespace) != @namespace)
        {
            return allowed;
        }
        if (policy.DefaultAction is { Length: > 0 } appDefault)
        {
            allowed = !IsDeny(appDefault);
        }
        var path = "/" + operation.Split('?', 2)[0].Trim('/');
        var matched = policy.Operations.Where(o => Matches(o.Name, path)).MaxBy(o => o.Name.Length);
        if (matched is not null && matched.HttpVerb.FirstOrDefault(v => v == "*" || string.Equals(v, verb, StringComparison.OrdinalIgnoreCase)) is not null)
        {
            allowed = !IsDeny(matched.Action);
        }
        return allowed;
    }

    // Dapr docs: "*" matches within one path segment, "**" any number of segments.
    private static bool Matches(string pattern, string path)
    {
        var want = pattern.Trim('/').Split('/');
        var have = path.Trim('/').Split('/');
        for (var i = 0; i < want.Length; i++)
        {
            if (want[i] == "**")
            {
                return true;
            }
            if (i >= have.Length || (want[i] != "*" && want[i] != have[i]))
            {
                return false;
            }
        }
        return want.Length == have.Length;
    }

    private static bool IsDeny(string? action) => string.Equals(action, "deny", StringComparison.OrdinalIgnoreCase);

    private sealed class ConfigurationYaml
    {
        public string Kind { get; set; } = "";
        public ConfigurationSpecYaml Spec { get; set; } = new();
    }

    private sealed class ConfigurationSpecYaml
    {
        public SecretsYaml Secrets { get; set; } = new();
        public AccessControlYaml? AccessControl { get; set; }
    }

    private sealed class SecretsYaml
    {
        public List<SecretScopeYaml> Scopes { get; set; } = [];
    }

    private sealed class SecretScopeYaml
    {
        public string StoreName { get; set; } = "";
        public string? DefaultAccess { get; set; }
        public List<string> AllowedSecrets { get; set; } = [];
        public List<string> DeniedSecrets { get; set; } = [];
    }

    private sealed class AccessControlYaml
    {
        public string? DefaultAction { get; set; }
        public string? TrustDomain { get; set; }
        public List<AppPolicyYaml> Policies { get; set; } = [];
    }

    private sealed class AppPolicyYaml
    {
        public string AppId { get; set; } = "";
        public string? DefaultAction { get; set; }
        public string? TrustDomain { get; set; }
        public string? Namespace { get; set; }
        public List<OperationYaml> Operations { get; set; } = [];
    }

    private sealed class OperationYaml
    {
        public string Name { get; set; } = "";
        public List<string> HttpVerb { get; set; } = [];
        public string? Action { get; set; }
    }
}
