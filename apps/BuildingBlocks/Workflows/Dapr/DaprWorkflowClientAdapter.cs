using System.Text.Json;
using Dapr.Workflow;
using Grpc.Core;

namespace GamesDrop.BuildingBlocks.Workflows.Dapr;

/// <summary>Dapr profile: the workflow port over the sidecar's workflow API.</summary>
internal sealed class DaprWorkflowClientAdapter(DaprWorkflowClient client) : IWorkflowClient
{
    public async Task<bool> ScheduleAsync(string workflowName, string instanceId, object? input, CancellationToken ct = default)
    {
        // daprd would restart a finished instance under a reused id, so an existing one is looked for first.
        if ((await client.GetWorkflowStateAsync(instanceId, false, ct)).Exists)
        {
            return false;
        }
        try
        {
            await client.ScheduleNewWorkflowAsync(workflowName, instanceId, input, null, ct);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            return false;
        }
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct = default)
    {
        try
        {
            await client.RaiseEventAsync(instanceId, eventName, payload, ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new InvalidOperationException($"Workflow instance '{instanceId}' does not exist.", e);
        }
    }

    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken ct = default)
    {
        var state = await client.GetWorkflowStateAsync(instanceId, true, ct);
        if (!state.Exists)
        {
            return null;
        }
        var output = state.ReadOutputAs<JsonElement?>();
        var customStatus = state.ReadCustomStatusAs<JsonElement?>();
        return new WorkflowInstance(instanceId, state.WorkflowName ?? "", Map(state.RuntimeStatus),
            WorkflowJson.StatusText(customStatus?.GetRawText()), output?.GetRawText(), state.FailureDetails?.ErrorMessage,
            state.CreatedAt, state.LastUpdatedAt);
    }

    public Task TerminateAsync(string instanceId, string? reason = null, CancellationToken ct = default) =>
        client.TerminateWorkflowAsync(instanceId, reason, ct);

    public async Task PurgeAsync(string instanceId, CancellationToken ct = default)
    {
        if (!await client.PurgeInstanceAsync(instanceId, ct)
            && await client.GetWorkflowStateAsync(instanceId, false, ct) is { Exists: true, IsWorkflowCompleted: false })
        {
            throw new InvalidOperationException($"Workflow instance '{instanceId}' is still running; terminate it first.");
        }
    }

    internal static WorkflowRunStatus Map(WorkflowRuntimeStatus status) => status switch
    {
        WorkflowRuntimeStatus.Pending => WorkflowRunStatus.Pending,
        WorkflowRuntimeStatus.Completed => WorkflowRunStatus.Completed,
        WorkflowRuntimeStatus.Failed => WorkflowRunStatus.Failed,
        WorkflowRuntimeStatus.Terminated or WorkflowRuntimeStatus.Canceled => WorkflowRunStatus.Terminated,
        // Stalled waits for a deployment that knows its patches: paused, like a suspended one.
        WorkflowRuntimeStatus.Suspended or WorkflowRuntimeStatus.Stalled => WorkflowRunStatus.Suspended,
        _ => WorkflowRunStatus.Running,
    };
}
