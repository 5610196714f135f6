using System.Collections.Concurrent;

namespace GamesDrop.Embedded.Runtime.Tests.Workflows;

/// <summary>
/// Shared by the test and every host it starts: counts activity runs, holds the <c>Slow</c> activity at a gate
/// while asked to, and records when two runs for one instance overlap.
/// </summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private readonly ConcurrentDictionary<string, int> _active = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public volatile bool Holding;

    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Overlapped { get; private set; }

    public int Runs(string activity) => _runs.GetValueOrDefault(activity);

    public void Ran(string activity) => _runs.AddOrUpdate(activity, 1, (_, n) => n + 1);

    public async Task SlowAsync()
    {
        Ran("Slow");
        SlowStarted.TrySetResult();
        if (Holding)
        {
            await _gate.Task;
        }
    }

    /// <summary>Lets a held run end, so nothing is left waiting after the test.</summary>
    public void Release() => _gate.TrySetResult();

    public async Task TrackAsync(string instanceId)
    {
        Ran("Track");
        if (_active.AddOrUpdate(instanceId, 1, (_, n) => n + 1) > 1)
        {
            Overlapped = true;
        }
        await Task.Delay(30);
        _active.AddOrUpdate(instanceId, 0, (_, n) => n - 1);
    }
}
