namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>One row of an instance's history, or a message about to become one.</summary>
internal sealed record HistoryEvent(string Kind, int? TaskId, string? Name, string? Data, DateTime At);

/// <summary>A work item that is a message for the next episode.</summary>
internal sealed record Message(long Id, string Kind, int? TaskId, string? Name, string? Data);

/// <summary>How an activity failed, kept as the data of a task_failed event.</summary>
internal sealed record FailureDetails(string ErrorType, string ErrorMessage, string? StackTrace);

internal static class EventKinds
{
    public const string OrchestratorStarted = "orchestrator_started";
    public const string ExecutionStarted = "execution_started";
    public const string TaskScheduled = "task_scheduled";
    public const string TaskCompleted = "task_completed";
    public const string TaskFailed = "task_failed";
    public const string TimerCreated = "timer_created";
    public const string TimerFired = "timer_fired";
    public const string EventRaised = "event_raised";
    public const string CustomStatus = "custom_status";
    public const string Terminated = "execution_terminated";
    public const string Completed = "execution_completed";
    public const string Failed = "execution_failed";

    /// <summary>The work item kind of an activity to run; every other kind is a message.</summary>
    public const string Activity = "activity";
}
