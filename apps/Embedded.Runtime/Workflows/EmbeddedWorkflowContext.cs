using System.Text.Json;
using Dapr.Workflow;
using GamesDrop.BuildingBlocks.Workflows;
using Microsoft.Extensions.Logging;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>
/// The <see cref="WorkflowContext"/> one episode replays a workflow through, with Dapr's semantics: tasks get
/// sequence ids in the order the code creates them, history is matched to them by id and name, a task whose
/// result is in history completes at once, and what the code starts beyond history becomes new work.
/// </summary>
internal sealed class EmbeddedWorkflowContext(string name, string instanceId, ILoggerFactory loggers) : WorkflowContext
{
    private readonly Dictionary<int, TaskCompletionSource<HistoryEvent>> _open = [];
    private readonly SortedDictionary<int, HistoryEvent> _pending = [];
    private readonly Dictionary<string, Queue<TaskCompletionSource<string?>>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HistoryEvent> _buffered = [];
    private int _sequence;
    private int _guidCounter;
    private DateTime _now;
    private bool _replaying;

    public override string Name => name;

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime => _now;

    public override bool IsReplaying => _replaying;

    public object? CustomStatus { get; private set; }

    /// <summary>Tasks the code started that history does not have yet: this episode's new work.</summary>
    public IReadOnlyCollection<HistoryEvent> NewTasks => _pending.Values;

    public void Begin(DateTime startedAt, bool replaying)
    {
        _now = startedAt;
        _replaying = replaying;
    }

    /// <summary>Feeds one event; throws <see cref="NonDeterminismException"/> when history and code disagree.</summary>
    public void Apply(HistoryEvent e, bool replaying)
    {
        _replaying = replaying;
        switch (e.Kind)
        {
            case EventKinds.OrchestratorStarted:
                _now = e.At;
                break;
            case EventKinds.TaskScheduled or EventKinds.TimerCreated:
                var id = e.TaskId ?? -1;
                if (!_pending.Remove(id, out var started) || started.Kind != e.Kind || !string.Equals(started.Name, e.Name, StringComparison.OrdinalIgnoreCase))
                {
                    throw new NonDeterminismException(
                        $"Non-deterministic workflow: history has {e.Kind} '{e.Name}' with sequence id {id}, but the code {(started is null ? "started no task there" : $"started {started.Kind} '{started.Name}'")}. Was the workflow changed while instances were running?");
                }
                break;
            case EventKinds.TaskCompleted or EventKinds.TaskFailed or EventKinds.TimerFired:
                // A cancelled timer, or a repeated result, has no waiter left: nothing to do.
                if (_open.Remove(e.TaskId ?? -1, out var task))
                {
                    task.TrySetResult(e);
                }
                break;
            case EventKinds.EventRaised:
                Deliver(e);
                break;
        }
    }

    public override async Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        if (options?.RetryPolicy is not { } policy)
        {
            return await CallActivityOnceAsync<T>(name, input);
        }
        // Each try is a task of its own and the waits between them are durable timers, as Dapr's retry interceptor does.
        var firstAttempt = _now;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CallActivityOnceAsync<T>(name, input);
            }
            catch (WorkflowTaskFailedException) when (attempt < policy.MaxNumberOfAttempts && RetryDelay(policy, attempt, firstAttempt) > TimeSpan.Zero)
            {
            }
            await CreateTimer(RetryDelay(policy, attempt, firstAttempt), CancellationToken.None);
        }
    }

    public override async Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        var id = _sequence++;
        var fired = Start(id, new HistoryEvent(EventKinds.TimerCreated, id, null, utc.ToString("O"), utc));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (fired.TrySetCanceled())
                {
                    _open.Remove(id);
                }
            });
        }
        await fired.Task;
    }

    public override async Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var index = _buffered.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var buffered = _buffered[index];
            _buffered.RemoveAt(index);
            return Deserialize<T>(buffered.Data);
        }
        var waiter = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(eventName, out var queue))
        {
            _waiters[eventName] = queue = new Queue<TaskCompletionSource<string?>>();
        }
        queue.Enqueue(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        }
        return Deserialize<T>(await waiter.Task);
    }

    // A race between the event and a durable timer, as Dapr's own context runs it. The loser is cancelled at once:
    // the base class cancels asynchronously, so its continuation would come after the episode had ended.
    public override async Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout)
    {
        if (timeout == TimeSpan.Zero)
        {
            throw new TaskCanceledException($"The wait for '{eventName}' timed out at once (zero timeout).");
        }
        if (timeout < TimeSpan.Zero)
        {
            return await WaitForExternalEventAsync<T>(eventName);
        }
        using var timerCancel = new CancellationTokenSource();
        using var eventCancel = new CancellationTokenSource();
        var timeoutTask = CreateTimer(_now.Add(timeout), timerCancel.Token);
        var eventTask = WaitForExternalEventAsync<T>(eventName, eventCancel.Token);
        (await Task.WhenAny(timeoutTask, eventTask) == eventTask ? timerCancel : eventCancel).Cancel();
        return await eventTask;
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = customStatus;

    public override Guid NewGuid() => DeterministicGuid.Create($"{InstanceId}_{_now:O}_{_guidCounter++}");

    public override ILogger CreateReplaySafeLogger(string categoryName) => new ReplaySafeLogger(loggers.CreateLogger(categoryName), () => _replaying);

    public override ILogger CreateReplaySafeLogger(Type type) => new ReplaySafeLogger(loggers.CreateLogger(type), () => _replaying);

    public override ILogger CreateReplaySafeLogger<T>() => new ReplaySafeLogger(loggers.CreateLogger<T>(), () => _replaying);

    public override PropagatedHistory? GetPropagatedHistory() => null;

    // What the Embedded runtime does not run is refused, so no test passes on something production would do differently.
    public override bool IsPatched(string patchName) => throw Unsupported(nameof(IsPatched));

    public override void SendEvent(string instanceId, string eventName, object payload) => throw Unsupported(nameof(SendEvent));

    public override Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        throw Unsupported(nameof(CallChildWorkflowAsync));

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw Unsupported(nameof(ContinueAsNew));

    internal static T Deserialize<T>(string? json) =>
        string.IsNullOrEmpty(json) ? default! : JsonSerializer.Deserialize<T>(json, WorkflowJson.Options)!;

    internal static string Serialize(object? value) =>
        value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), WorkflowJson.Options);

    private async Task<T> CallActivityOnceAsync<T>(string activityName, object? input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityName);
        var id = _sequence++;
        var outcome = await Start(id, new HistoryEvent(EventKinds.TaskScheduled, id, activityName, Serialize(input), _now)).Task;
        if (outcome.Kind == EventKinds.TaskFailed)
        {
            var failure = Deserialize<FailureDetails>(outcome.Data);
            var details = new WorkflowTaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace ?? "");
            throw new WorkflowTaskFailedException($"Task failed: {failure.ErrorMessage}", details);
        }
        return Deserialize<T>(outcome.Data);
    }

    private TaskCompletionSource<HistoryEvent> Start(int id, HistoryEvent task)
    {
        var completion = new TaskCompletionSource<HistoryEvent>();
        _pending.Add(id, task);
        _open.Add(id, completion);
        return completion;
    }

    // Events are handed to waiters first-in first-out per name; one nobody waits for is kept for a later wait.
    private void Deliver(HistoryEvent e)
    {
        if (_waiters.TryGetValue(e.Name ?? "", out var queue))
        {
            while (queue.TryDequeue(out var waiter))
            {
                if (waiter.TrySetResult(e.Data))
                {
                    return;
                }
            }
        }
        _buffered.Add(e);
    }

    private TimeSpan RetryDelay(WorkflowRetryPolicy policy, int attempt, DateTime firstAttempt)
    {
        var bounded = policy.RetryTimeout != Timeout.InfiniteTimeSpan && policy.RetryTimeout != TimeSpan.MaxValue;
        if (bounded && _now >= firstAttempt + policy.RetryTimeout)
        {
            return TimeSpan.Zero;
        }
        var delay = TimeSpan.FromMilliseconds(policy.FirstRetryInterval.TotalMilliseconds * Math.Pow(policy.BackoffCoefficient, attempt - 1));
        return policy.MaxRetryInterval is { } max && delay > max ? max : delay;
    }

    private static NotSupportedException Unsupported(string member) =>
        new($"WorkflowContext.{member} is not supported by the Embedded workflow runtime.");
}

/// <summary>The code did not retrace the steps its history records.</summary>
internal sealed class NonDeterminismException(string message) : Exception(message);
