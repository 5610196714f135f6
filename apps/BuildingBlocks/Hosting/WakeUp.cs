namespace GamesDrop.BuildingBlocks.Hosting;

/// <summary>An auto-reset signal a worker waits on with a timeout, so new work is picked up at once.</summary>
public sealed class WakeUp
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Set()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of sets.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
