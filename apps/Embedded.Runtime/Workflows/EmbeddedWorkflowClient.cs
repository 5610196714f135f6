using Microsoft.Extensions.DependencyInjection;
using Dapper;
using GamesDrop.BuildingBlocks.Workflows;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>Embedded profile: the workflow port over the runner's tables; every write wakes the local runner.</summary>
internal sealed class EmbeddedWorkflowClient([FromKeyedServices(EmbeddedWorkflowsExtensions.App)] NpgsqlDataSource db, WorkflowWorker worker) : IWorkflowClient
{
    public async Task<bool> ScheduleAsync(string workflowName, string instanceId, object? input, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        await using var connection = await db.OpenConnectionAsync(ct);
        var created = await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Schedule,
            new { InstanceId = instanceId, Name = workflowName, Input = EmbeddedWorkflowContext.Serialize(input) }, cancellationToken: ct)) == 1;
        if (created)
        {
            worker.Signal();
        }
        return created;
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return SendAsync(instanceId, EventKinds.EventRaised, eventName, EmbeddedWorkflowContext.Serialize(payload), ct);
    }

    public async Task<WorkflowInstance?> GetAsync(string instanceId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(WorkflowSql.Get, new { InstanceId = instanceId }, cancellationToken: ct));
        return row is null
            ? null
            : new WorkflowInstance(row.InstanceId, row.Name, Enum.Parse<WorkflowRunStatus>(row.Status), WorkflowJson.StatusText(row.CustomStatus),
                row.Output is { Length: > 0 } output ? output : null, row.Failure, Utc(row.CreatedAt), Utc(row.UpdatedAt));
    }

    public Task TerminateAsync(string instanceId, string? reason = null, CancellationToken ct = default) =>
        SendAsync(instanceId, EventKinds.Terminated, null, EmbeddedWorkflowContext.Serialize(reason), ct);

    public async Task PurgeAsync(string instanceId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Purge, new { InstanceId = instanceId }, cancellationToken: ct)) == 0
            && await StatusAsync(connection, instanceId, ct) is not null)
        {
            throw new InvalidOperationException($"Workflow instance '{instanceId}' is still running; terminate it first.");
        }
    }

    // daprd refuses a message for an instance that does not exist, and drops one for an instance that has ended.
    private async Task SendAsync(string instanceId, string kind, string? name, string data, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var status = await StatusAsync(connection, instanceId, ct)
            ?? throw new InvalidOperationException($"Workflow instance '{instanceId}' does not exist.");
        if (status is WorkflowRunStatus.Completed or WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.AddMessage,
            new { InstanceId = instanceId, Kind = kind, Name = name, Data = data }, cancellationToken: ct));
        worker.Signal();
    }

    private static async Task<WorkflowRunStatus?> StatusAsync(NpgsqlConnection connection, string instanceId, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<string?>(new CommandDefinition(WorkflowSql.Status, new { InstanceId = instanceId }, cancellationToken: ct)) is { } status
            ? Enum.Parse<WorkflowRunStatus>(status)
            : null;

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed record InstanceRow(
        string InstanceId, string Name, string Status, string? CustomStatus, string? Output, string? Failure, DateTime CreatedAt, DateTime UpdatedAt);
}
