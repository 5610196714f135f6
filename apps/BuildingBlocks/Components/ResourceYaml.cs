namespace GamesDrop.BuildingBlocks.Components;

// Shapes of Dapr resource YAML (Component, Resiliency, HTTPEndpoint, Configuration): the union of the fields we read.
internal sealed class ResourceYaml
{
    public string ApiVersion { get; set; } = "";
    public string Kind { get; set; } = "";
    public NameYaml Metadata { get; set; } = new();
    public SpecYaml Spec { get; set; } = new();
    public List<string> Scopes { get; set; } = [];
}

internal sealed class NameYaml
{
    public string Name { get; set; } = "";
}

internal sealed class SpecYaml
{
    public string? Type { get; set; }
    public string? Version { get; set; }
    public List<MetadataItemYaml> Metadata { get; set; } = [];
    public string? BaseUrl { get; set; }
    public PoliciesYaml? Policies { get; set; }
    public TargetsYaml? Targets { get; set; }
}

internal sealed class MetadataItemYaml
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
    public SecretKeyRefYaml? SecretKeyRef { get; set; }
}

internal sealed class SecretKeyRefYaml
{
    public string Name { get; set; } = "";
    public string? Key { get; set; }
}

internal sealed class PoliciesYaml
{
    public Dictionary<string, string> Timeouts { get; set; } = [];
    public Dictionary<string, RetryYaml> Retries { get; set; } = [];
    public Dictionary<string, CircuitBreakerYaml> CircuitBreakers { get; set; } = [];
}

internal sealed class RetryYaml
{
    public string Policy { get; set; } = "constant";
    public string? Duration { get; set; }
    public string? MaxInterval { get; set; }
    public int MaxRetries { get; set; } = -1;
    public MatchingYaml? Matching { get; set; }
}

internal sealed class MatchingYaml
{
    public string? HttpStatusCodes { get; set; }
}

internal sealed class CircuitBreakerYaml
{
    public int MaxRequests { get; set; } = 1;
    public string? Interval { get; set; }
    public string? Timeout { get; set; }
    public string Trip { get; set; } = "consecutiveFailures > 5";
}

internal sealed class TargetsYaml
{
    public Dictionary<string, TargetYaml> Apps { get; set; } = [];
    public Dictionary<string, TargetYaml> Actors { get; set; } = [];
    public Dictionary<string, ComponentTargetYaml> Components { get; set; } = [];
}

internal sealed class TargetYaml
{
    public string? Timeout { get; set; }
    public string? Retry { get; set; }
    public string? CircuitBreaker { get; set; }
    public string? CircuitBreakerScope { get; set; }
    public string? CircuitBreakerCacheSize { get; set; }
}

internal sealed class ComponentTargetYaml
{
    public TargetYaml? Outbound { get; set; }
    public TargetYaml? Inbound { get; set; }
}
