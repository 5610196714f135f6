using Dapper;
using Dapr.Workflow.Abstractions;
using GamesDrop.BuildingBlocks.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>
/// Runs one claimed instance's episode: loads its history and due messages, replays, and commits the new history,
/// the new work and the status in one transaction, only while this runner still holds the instance.
/// </summary>
internal sealed partial class EpisodeRunner(
    [FromKeyedServices(EmbeddedWorkflowsExtensions.App)] NpgsqlDataSource db, WorkflowRegistry registry, IServiceProvider services, TimeProvider time, ILoggerFactory loggers, ILogger<EpisodeRunner> logger)
{
    public async Task RunAsync(string instanceId, string owner, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        EpisodeInstance instance;
        List<HistoryEvent> history;
        List<Message> messages;
        await using (var load = await connection.QueryMultipleAsync(new CommandDefinition(WorkflowSql.LoadEpisode, new { InstanceId = instanceId }, cancellationToken: ct)))
        {
            instance = await load.ReadSingleAsync<EpisodeInstance>();
            history = (await load.ReadAsync<HistoryEvent>()).ToList();
            messages = (await load.ReadAsync<Message>()).ToList();
        }
        // PostgreSQL keeps microseconds: the time replays read back must be the time this episode's code saw.
        var clock = time.GetUtcNow().UtcDateTime;
        var now = new DateTime(clock.Ticks - clock.Ticks % 10, DateTimeKind.Utc);
        var status = Enum.Parse<WorkflowRunStatus>(instance.Status);
        var newEvents = NewEvents(instance, history, messages, now);
        EpisodeOutcome outcome;
        IReadOnlyCollection<HistoryEvent> newTasks = [];
        var customStatus = instance.CustomStatus;
        if (status is WorkflowRunStatus.Completed or WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated)
        {
            // Messages that came after the end (a late event or result) are dropped, as daprd drops them.
            await CommitAsync(connection, instanceId, owner, history.Count, [], messages, [], null, ct);
            return;
        }
        if (messages.FirstOrDefault(m => m.Kind == EventKinds.Terminated) is { } terminate)
        {
            outcome = new EpisodeOutcome(WorkflowRunStatus.Terminated, terminate.Data, null);
        }
        else
        {
            await using var scope = services.CreateAsyncScope();
            if (registry.TryCreateWorkflow(new TaskIdentifier(instance.Name), scope.ServiceProvider, out var workflow, out var error))
            {
                var context = new EmbeddedWorkflowContext(instance.Name, instanceId, loggers);
                outcome = Episode.Replay(workflow!, context, instance.Input, history, newEvents);
                newTasks = context.NewTasks;
                customStatus = context.CustomStatus is { } set ? EmbeddedWorkflowContext.Serialize(set) : customStatus;
            }
            else
            {
                outcome = new EpisodeOutcome(WorkflowRunStatus.Failed, null, error?.Message ?? $"Workflow '{instance.Name}' is not registered.");
            }
        }
        var appended = newEvents.Concat(newTasks.Select(t => t with { At = now })).ToList();
        if (customStatus != instance.CustomStatus)
        {
            appended.Add(new HistoryEvent(EventKinds.CustomStatus, null, null, customStatus, now));
        }
        appended.AddRange(outcome.Status switch
        {
            WorkflowRunStatus.Completed => [new HistoryEvent(EventKinds.Completed, null, null, outcome.Output, now)],
            WorkflowRunStatus.Failed => [new HistoryEvent(EventKinds.Failed, null, null, outcome.Failure, now)],
            _ => [],
        });
        var finished = outcome.Status != WorkflowRunStatus.Running;
        var committed = await CommitAsync(connection, instanceId, owner, history.Count, appended, messages, finished ? [] : newTasks,
            new { InstanceId = instanceId, Status = outcome.Status.ToString(), outcome.Output, outcome.Failure, CustomStatus = customStatus }, ct);
        if (committed && finished)
        {
            LogFinished(instance.Name, instanceId, outcome.Status);
        }
    }

    // The episode's time goes first, then the messages in the order they became due; a result already in history
    // (an activity that ran twice) is dropped, the first one wins.
    private static List<HistoryEvent> NewEvents(EpisodeInstance instance, List<HistoryEvent> history, List<Message> messages, DateTime now)
    {
        var settled = history.Where(e => e.Kind is EventKinds.TaskCompleted or EventKinds.TaskFailed or EventKinds.TimerFired).Select(e => e.TaskId).ToHashSet();
        var events = new List<HistoryEvent> { new(EventKinds.OrchestratorStarted, null, null, null, now) };
        foreach (var m in messages)
        {
            if (m.Kind is EventKinds.TaskCompleted or EventKinds.TaskFailed or EventKinds.TimerFired && !settled.Add(m.TaskId))
            {
                continue;
            }
            events.Add(m.Kind == EventKinds.ExecutionStarted
                ? new HistoryEvent(m.Kind, null, instance.Name, instance.Input, now)
                : new HistoryEvent(m.Kind, m.TaskId, m.Name, m.Data, now));
        }
        return events;
    }

    private async Task<bool> CommitAsync(NpgsqlConnection connection, string instanceId, string owner, int position,
        List<HistoryEvent> appended, List<Message> consumed, IReadOnlyCollection<HistoryEvent> newTasks, object? end, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var holder = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(WorkflowSql.Fence, new { InstanceId = instanceId }, transaction, cancellationToken: ct));
        if (holder != owner)
        {
            LogLeaseLost(instanceId);
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.AppendHistory,
            appended.Select((e, i) => new { InstanceId = instanceId, Position = position + i, e.Kind, e.TaskId, e.Name, e.Data, e.At }), transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.Consume, new { Ids = consumed.Select(m => m.Id).ToArray() }, transaction, cancellationToken: ct));
        var finished = end is null || appended.Any(e => e.Kind is EventKinds.Completed or EventKinds.Failed or EventKinds.Terminated);
        if (finished)
        {
            await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.DropAllWork, new { InstanceId = instanceId }, transaction, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(WorkflowSql.AddWork, newTasks.Select(t => new
        {
            InstanceId = instanceId,
            Kind = t.Kind == EventKinds.TaskScheduled ? EventKinds.Activity : EventKinds.TimerFired,
            t.TaskId,
            t.Name,
            t.Data,
            DueAt = t.Kind == EventKinds.TimerCreated ? t.At : (DateTime?)null,
        }), transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(end is null ? WorkflowSql.Release : WorkflowSql.EndEpisode, end ?? new { InstanceId = instanceId }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return true;
    }

    private sealed record EpisodeInstance(string Name, string Status, string? Input, string? CustomStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow {Name} instance {InstanceId} ended {Status}")]
    private partial void LogFinished(string name, string instanceId, WorkflowRunStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow instance {InstanceId}: another runner took over before this episode committed; its result is dropped")]
    private partial void LogLeaseLost(string instanceId);
}
