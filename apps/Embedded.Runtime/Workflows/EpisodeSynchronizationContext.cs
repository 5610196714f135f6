using System.Collections.Concurrent;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>
/// Queues the workflow's continuations so the runner moves the code forward to its next await after each
/// history event, on one thread, in a fixed order: what replay needs to see the same steps every time.
/// </summary>
internal sealed class EpisodeSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state) => _queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public void Drain()
    {
        while (_queue.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
