using System.Diagnostics.Metrics;

namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>
/// A background job's pass that failed for a reason it did not expect. Jobs log it, count it here and try again on their
/// next pass; a failure never ends the process, which serves requests and runs the other jobs meanwhile.
/// </summary>
public static class BackgroundFailures
{
    private static readonly Meter Meter = new("GamesDrop.Background");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("gamesdrop.background.failures", description: "Failed background passes");

    public static void Record(string job) => Failures.Add(1, new KeyValuePair<string, object?>("job", job));

    /// <summary>Any failure but the cancellation of a host that is stopping.</summary>
    public static bool IsFailure(Exception e, CancellationToken stopping) => e is not OperationCanceledException || !stopping.IsCancellationRequested;
}
