namespace GamesDrop.BuildingBlocks.Workflows;

/// <summary>Starts and steers workflow instances; the same calls in both profiles.</summary>
public interface IWorkflowClient
{
    /// <summary>Idempotent: an instance id that already exists (any status) is left alone and false returned.</summary>
    Task<bool> ScheduleAsync(string workflowName, string instanceId, object? input, CancellationToken ct = default);

    /// <summary>Queues the event for the instance; one nobody waits for yet is kept for a later wait.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct = default);

    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken ct = default);

    Task TerminateAsync(string instanceId, string? reason = null, CancellationToken ct = default);

    /// <summary>Deletes a finished instance and its history; a running one is refused, as daprd refuses it.</summary>
    Task PurgeAsync(string instanceId, CancellationToken ct = default);
}
