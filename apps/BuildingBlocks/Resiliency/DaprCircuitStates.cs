using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace GamesDrop.BuildingBlocks.Resiliency;

/// <summary>
/// Dapr profile: daprd keeps the breakers, and shows them only on its Prometheus metrics endpoint (port 9090 unless
/// <c>--metrics-port</c>): gauge <c>dapr_resiliency_cb_state</c>, one series per status (closed, half-open, open,
/// unknown) with 1 on the current one, labelled <c>target="app_&lt;app id or HTTPEndpoint name&gt;"</c> (dapr/dapr
/// pkg/diagnostics/resiliency_monitoring.go). A target with no series has not been called yet: closed.
/// </summary>
public sealed partial class DaprCircuitStates(IHttpClientFactory clients, ILogger<DaprCircuitStates> logger) : ICircuitStates
{
    public const string HttpClientName = "dapr-metrics";
    public const string MetricsEndpointSetting = "Dapr:MetricsEndpoint";
    private ConcurrentDictionary<string, BreakerState> _states = new();

    [GeneratedRegex("""^dapr_resiliency_cb_state\{(?<labels>[^}]*)\}\s+(?<value>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Series();

    [GeneratedRegex("""(?<key>\w+)="(?<value>(?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Label();

    public BreakerState? StateOf(string target) => _states.TryGetValue("app_" + target, out var state) ? state : null;

    public async Task RefreshAsync(CancellationToken ct)
    {
        string text;
        try
        {
            text = await clients.CreateClient(HttpClientName).GetStringAsync("metrics", ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Unknown rather than a stale "closed".
            _states = new();
            LogUnreadable(e);
            return;
        }
        var states = new ConcurrentDictionary<string, BreakerState>();
        foreach (Match series in Series().Matches(text))
        {
            var labels = Label().Matches(series.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            if (series.Groups["value"].Value is "1" or "1.0" && labels.GetValueOrDefault("target") is { } target
                && labels.GetValueOrDefault("status") switch
                {
                    "closed" => BreakerState.Closed,
                    "half-open" => BreakerState.HalfOpen,
                    "open" => BreakerState.Open,
                    _ => (BreakerState?)null,
                } is { } state)
            {
                // Inbound and outbound series of one target: the worse state wins.
                states.AddOrUpdate(target, state, (_, other) => other > state ? other : state);
            }
        }
        _states = states;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the sidecar's metrics; circuit states are unknown")]
    private partial void LogUnreadable(Exception e);
}
