namespace GamesDrop.Benchmarks;

/// <summary>
/// What a closed-loop load measured: each operation's latency (sorted), the failures, and the time it ran; where the
/// operations were of several kinds, the same for each kind.
/// </summary>
internal sealed record LatencyReport(double[] SortedLatencies, int Errors, TimeSpan Elapsed)
{
    public IReadOnlyDictionary<string, LatencyReport> ByKind { get; init; } = new Dictionary<string, LatencyReport>();

    public double Percentile(double p) => SortedLatencies.Length == 0 ? 0
        : SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p / 100 * SortedLatencies.Length) - 1)];

    public double Throughput => SortedLatencies.Length / Elapsed.TotalSeconds;
}
