using System.Text.Json;
using Dapper;
using Dapr.Workflow.Abstractions;
using GamesDrop.BuildingBlocks.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>An activity work item this runner holds the lease of.</summary>
internal sealed record ClaimedActivity(long Id, string InstanceId, int TaskId, string Name, string? Data);

/// <summary>
/// Runs one claimed activity, created through DI in a scope of its own, renewing its lease while it runs, and
/// reports the result as a message for the instance's next episode. At least once: a runner that stops or dies
/// mid-activity leaves the lease to run out, and another runs it again.
/// </summary>
internal sealed partial class ActivityRunner(
    [FromKeyedServices(EmbeddedWorkflowsExtensions.App)] NpgsqlDataSource db, WorkflowRegistry registry, IServiceProvider services, WorkflowRunnerOptions options, ILogger<ActivityRunner> logger)
{
    public async Task RunAsync(ClaimedActivity item, string owner, CancellationToken stopping)
    {
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var renewing = RenewAsync(item.Id, owner, heartbeat.Token);
        var (kind, data) = await ExecuteAsync(item);
        await heartbeat.CancelAsync();
        await renewing;
        if (stopping.IsCancellationRequested)
        {
            return;
        }
        await using var connection = await db.OpenConnectionAsync(stopping);
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.CompleteActivity,
            new { item.Id, Owner = owner, Kind = kind, Data = data }, cancellationToken: stopping));
    }

    private async Task<(string Kind, string Data)> ExecuteAsync(ClaimedActivity item)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            if (!registry.TryCreateActivity(new TaskIdentifier(item.Name), scope.ServiceProvider, out var activity, out var error))
            {
                return Failed(item, error?.GetType().FullName ?? "ActivityNotFoundException", error?.Message ?? $"Activity '{item.Name}' not found", null);
            }
            var input = string.IsNullOrEmpty(item.Data) ? null : JsonSerializer.Deserialize(item.Data, activity!.InputType, WorkflowJson.Options);
            var output = await activity!.RunAsync(new EmbeddedActivityContext(item.Name, item.InstanceId, item.TaskId), input);
            return (EventKinds.TaskCompleted, EmbeddedWorkflowContext.Serialize(output));
        }
        catch (Exception e)
        {
            // Whatever an activity throws reaches the workflow as a task failure, as in Dapr.
            return Failed(item, e.GetType().FullName ?? "Exception", e.Message, e.StackTrace);
        }
    }

    private (string, string) Failed(ClaimedActivity item, string errorType, string message, string? stackTrace)
    {
        // The message can carry input values; the type says enough for the log, the message stays in history.
        LogActivityFailed(item.Name, item.InstanceId, errorType);
        return (EventKinds.TaskFailed, JsonSerializer.Serialize(new FailureDetails(errorType, message, stackTrace), WorkflowJson.Options));
    }

    private async Task RenewAsync(long id, string owner, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.LeaseDuration / 3, ct);
                await using var connection = await db.OpenConnectionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.RenewActivity,
                    new { Id = id, Owner = owner, LeaseSeconds = options.LeaseDuration.TotalSeconds }, cancellationToken: ct));
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                LogRenewFailed(e, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Name} of workflow instance {InstanceId} failed with {ErrorType}")]
    private partial void LogActivityFailed(string name, string instanceId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of activity work item {WorkItemId} failed")]
    private partial void LogRenewFailed(Exception e, long workItemId);
}
