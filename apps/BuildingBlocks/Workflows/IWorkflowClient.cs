// PLACEHOLDER until the runner branch merges.
namespace GamesDrop.BuildingBlocks.Workflows;

public interface IWorkflowClient
{
    Task<bool> ScheduleAsync(string workflowName, string instanceId, object? input, CancellationToken ct = default);
    Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct = default);
    Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken ct = default);
    Task TerminateAsync(string instanceId, string? reason = null, CancellationToken ct = default);
    Task PurgeAsync(string instanceId, CancellationToken ct = default);
}

public sealed record WorkflowInstance(string InstanceId, string Name, WorkflowRunStatus Status, string? CustomStatus,
    string? SerializedOutput, string? FailureMessage, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);

public enum WorkflowRunStatus { Pending, Running, Completed, Failed, Terminated, Suspended }
public static class WorkflowPlaceholder
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddWorkflowHosting(this Microsoft.Extensions.DependencyInjection.IServiceCollection s, string appId, Action<Dapr.Workflow.WorkflowRuntimeOptions> configure) => s;
}
