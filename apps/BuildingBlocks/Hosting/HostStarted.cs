using Microsoft.Extensions.Hosting;

namespace GamesDrop.BuildingBlocks.Hosting;

public static class HostStarted
{
    /// <summary>Completes once the server listens, so workers that call this host's own routes can start.</summary>
    public static Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}
