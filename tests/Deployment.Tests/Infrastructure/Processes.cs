using System.Diagnostics;

namespace GamesDrop.Deployment.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string Output);

/// <summary>Runs a command line tool to its end, output and errors together, bounded in time.</summary>
public static class Processes
{
    public static async Task<ProcessResult> RunAsync(
        string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = new Process { StartInfo = StartInfo(file, arguments, environment) };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish:\n{output}");
        }
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = Repo.Path(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        return info;
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
