namespace GamesDrop.Benchmarks;

/// <summary>
/// The host's peak resident memory (VmHWM in /proc), when ./bench.sh names its process in BENCH_HOST_PID; resetting
/// the peak between phases shows each phase's own.
/// </summary>
internal static class PeakMemory
{
    private static readonly string? HostPid = Environment.GetEnvironmentVariable("BENCH_HOST_PID");

    public static string Describe() =>
        HostPid is null ? "unknown (BENCH_HOST_PID not set)"
            : File.ReadLines($"/proc/{HostPid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
                ? $"{long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) / 1024:N0} MiB" : "unknown";

    // Writing 5 to clear_refs resets the peak to the current resident size (Linux 4.0 and later).
    public static void Reset()
    {
        if (HostPid is not null)
        {
            File.WriteAllText($"/proc/{HostPid}/clear_refs", "5");
        }
    }
}
