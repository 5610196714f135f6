using System.Text.RegularExpressions;

namespace GamesDrop.BuildingBlocks.Components;

/// <summary>A retry policy from resiliency.yaml. Exponential backoff starts at 500 ms, as Dapr's does.</summary>
public sealed record RetryPolicy(bool Exponential, TimeSpan Duration, TimeSpan MaxInterval, int MaxRetries, IReadOnlySet<int>? StatusCodes)
{
    public static readonly TimeSpan ExponentialInitialInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether a reply with this status is retried; transport errors and timeouts always are.</summary>
    public bool Retries(int status) => StatusCodes?.Contains(status) ?? status is >= 500 or 408 or 429;

    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        if (!Exponential)
        {
            return Duration;
        }
        var ms = ExponentialInitialInterval.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, MaxInterval.TotalMilliseconds));
    }
}

/// <summary>A circuit breaker: trips when <see cref="Trip"/> holds, stays open for <see cref="Timeout"/>.</summary>
public sealed record CircuitBreakerPolicy(string Name, int MaxRequests, TimeSpan Interval, TimeSpan Timeout, TripCondition Trip);

/// <summary>The policies applied to one target (an app, an HTTPEndpoint or a component direction).</summary>
public sealed record TargetPolicy(TimeSpan? Timeout, RetryPolicy? Retry, CircuitBreakerPolicy? CircuitBreaker);

/// <summary>Dapr's trip expression, e.g. <c>consecutiveFailures &gt; 5</c>, over gobreaker's counts.</summary>
public sealed partial record TripCondition(string Variable, string Operator, long Threshold)
{
    [GeneratedRegex(@"^\s*(requests|totalSuccesses|totalFailures|consecutiveSuccesses|consecutiveFailures)\s*(>=|<=|==|>|<)\s*(\d+)\s*$")]
    private static partial Regex Expression();

    public static TripCondition Parse(string text)
    {
        var m = Expression().Match(text);
        if (!m.Success)
        {
            throw new FormatException($"Trip expression '{text}' is not of the form 'consecutiveFailures > 5'.");
        }
        return new TripCondition(m.Groups[1].Value, m.Groups[2].Value, long.Parse(m.Groups[3].Value));
    }

    public bool IsMet(BreakerCounts counts)
    {
        var value = Variable switch
        {
            "requests" => counts.Requests,
            "totalSuccesses" => counts.TotalSuccesses,
            "totalFailures" => counts.TotalFailures,
            "consecutiveSuccesses" => counts.ConsecutiveSuccesses,
            _ => counts.ConsecutiveFailures,
        };
        return Operator switch
        {
            ">" => value > Threshold,
            ">=" => value >= Threshold,
            "<" => value < Threshold,
            "<=" => value <= Threshold,
            _ => value == Threshold,
        };
    }
}

/// <summary>The counters gobreaker (and so Dapr) keeps between resets.</summary>
public sealed record BreakerCounts(long Requests, long TotalSuccesses, long TotalFailures, long ConsecutiveSuccesses, long ConsecutiveFailures);

/// <summary>The resiliency resources of the components folder, resolved per target.</summary>
public sealed class ResiliencySpec
{
    private readonly Dictionary<string, TargetPolicy> _apps = [];
    private readonly Dictionary<string, TargetPolicy> _componentsOutbound = [];
    private readonly Dictionary<string, TargetPolicy> _componentsInbound = [];
    private readonly Dictionary<string, RetryPolicy> _retries = [];

    public static readonly ResiliencySpec Empty = new();

    public IReadOnlyDictionary<string, TargetPolicy> Apps => _apps;

    public TargetPolicy? ForApp(string name) => _apps.GetValueOrDefault(name);

    public TargetPolicy? ForComponentOutbound(string name) => _componentsOutbound.GetValueOrDefault(name);

    public TargetPolicy? ForComponentInbound(string name) => _componentsInbound.GetValueOrDefault(name);

    /// <summary>A retry policy by name, targeted or not: the apps apply some themselves (see ResiliencyPipelines).</summary>
    public RetryPolicy? Retry(string name) => _retries.GetValueOrDefault(name);

    public static ResiliencySpec Parse(string yaml) => ComponentCatalog.Parse(yaml).Resiliency;

    internal static ResiliencySpec From(IEnumerable<SpecYaml> specs)
    {
        var result = new ResiliencySpec();
        foreach (var spec in specs)
        {
            var policies = spec.Policies ?? new PoliciesYaml();
            foreach (var (name, retry) in policies.Retries)
            {
                result._retries[name] = ToRetry(retry);
            }
            TargetPolicy Resolve(TargetYaml target) => new(
                target.Timeout is null ? null : GoDuration.Parse(Lookup(policies.Timeouts, target.Timeout, "timeout")),
                target.Retry is null ? null : ToRetry(Lookup(policies.Retries, target.Retry, "retry")),
                target.CircuitBreaker is null ? null : ToBreaker(target.CircuitBreaker, Lookup(policies.CircuitBreakers, target.CircuitBreaker, "circuit breaker")));

            foreach (var (name, target) in spec.Targets?.Apps ?? [])
            {
                result._apps[name] = Resolve(target);
            }
            foreach (var (name, target) in spec.Targets?.Components ?? [])
            {
                if (target.Outbound is not null)
                {
                    result._componentsOutbound[name] = Resolve(target.Outbound);
                }
                if (target.Inbound is not null)
                {
                    result._componentsInbound[name] = Resolve(target.Inbound);
                }
            }
        }
        return result;
    }

    private static T Lookup<T>(Dictionary<string, T> policies, string name, string kind) =>
        policies.TryGetValue(name, out var policy)
            ? policy
            : throw new InvalidDataException($"Resiliency target names {kind} policy '{name}', which is not defined.");

    private static RetryPolicy ToRetry(RetryYaml yaml) => new(
        yaml.Policy.Equals("exponential", StringComparison.OrdinalIgnoreCase),
        GoDuration.ParseOrNull(yaml.Duration) ?? TimeSpan.FromSeconds(5),
        GoDuration.ParseOrNull(yaml.MaxInterval) ?? TimeSpan.FromSeconds(60),
        yaml.MaxRetries,
        ParseStatusCodes(yaml.Matching?.HttpStatusCodes));

    private static CircuitBreakerPolicy ToBreaker(string name, CircuitBreakerYaml yaml) => new(
        name,
        Math.Max(1, yaml.MaxRequests),
        GoDuration.ParseOrNull(yaml.Interval) ?? TimeSpan.Zero,
        GoDuration.ParseOrNull(yaml.Timeout) ?? TimeSpan.FromSeconds(60),
        TripCondition.Parse(yaml.Trip));

    private static HashSet<int>? ParseStatusCodes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var codes = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var from = int.Parse(range[0]);
            var to = range.Length > 1 ? int.Parse(range[1]) : from;
            for (var code = from; code <= to; code++)
            {
                codes.Add(code);
            }
        }
        return codes;
    }
}
