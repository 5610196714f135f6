namespace GamesDrop.Sandbox;

/// <summary>
/// Runs a partner-side change later (an order completes, a pending transaction settles), on the injected clock so
/// tests can move time; work still waiting when the sandbox stops is dropped, like state kept in memory.
/// </summary>
internal sealed class Scheduler(TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<Scheduler> logger)
{
    public void After(TimeSpan delay, Action work) => _ = RunAsync(delay, work);

    private async Task RunAsync(TimeSpan delay, Action work)
    {
        try
        {
            await Task.Delay(delay, clock, lifetime.ApplicationStopping);
            work();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Scheduled sandbox work failed");
        }
    }
}
