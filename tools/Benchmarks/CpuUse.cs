using System.Diagnostics;
using Npgsql;

namespace GamesDrop.Benchmarks;

/// <summary>
/// Where a phase's CPU went, in cores busy on average: the host (BENCH_HOST_PID), PostgreSQL (its server process
/// and every child, living or ended) and this load generator, which shares the machine with both. Read from /proc.
/// </summary>
internal sealed class CpuUse(int? hostPid, int postgresPid)
{
    // /proc counts CPU time in clock ticks of 1/100 s (USER_HZ) on Linux.
    private const double TicksPerSecond = 100;

    public static async Task<CpuUse> FindAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        // The server process is the parent of every session's backend.
        var postmaster = int.Parse(Stat(connection.ProcessID)[1]);
        return new(int.TryParse(Environment.GetEnvironmentVariable("BENCH_HOST_PID"), out var host) ? host : null, postmaster);
    }

    public Snapshot Take() => new(Stopwatch.GetTimestamp(), hostPid is { } host ? Own(host) : double.NaN,
        PostgresSeconds(), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);

    public static string Describe(Snapshot from, Snapshot to)
    {
        var seconds = Stopwatch.GetElapsedTime(from.At, to.At).TotalSeconds;
        return $"CPU in cores busy: host {(to.Host - from.Host) / seconds:F2}, PostgreSQL {(to.Postgres - from.Postgres) / seconds:F2}, "
            + $"load generator {(to.Generator - from.Generator) / seconds:F2} (of {Environment.ProcessorCount})";
    }

    internal sealed record Snapshot(long At, double Host, double Postgres, double Generator);

    // utime + stime, and the reaped children's cutime + cstime when asked.
    private static double Own(int pid, bool withEnded = false)
    {
        var fields = Stat(pid);
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]) + (withEnded ? long.Parse(fields[13]) + long.Parse(fields[14]) : 0);
        return ticks / TicksPerSecond;
    }

    private double PostgresSeconds()
    {
        var total = Own(postgresPid, withEnded: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postgresPid)
            {
                try
                {
                    var fields = Stat(pid);
                    total += int.Parse(fields[1]) == postgresPid ? Own(pid) : 0;
                }
                catch (IOException)
                {
                    // The process ended while being read; its time is in the server's count of ended children.
                }
            }
        }
        return total;
    }

    // The fields of /proc/PID/stat after the command name (which may hold spaces): [0] is the state, [1] the parent.
    private static string[] Stat(int pid)
    {
        var line = File.ReadAllText($"/proc/{pid}/stat");
        return line[(line.LastIndexOf(')') + 2)..].Split(' ');
    }
}
