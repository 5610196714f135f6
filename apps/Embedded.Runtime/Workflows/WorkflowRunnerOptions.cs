namespace GamesDrop.Embedded.Runtime.Workflows;

public sealed class WorkflowRunnerOptions
{
    /// <summary>How long a claim on an episode or an activity holds; a stopped runner's work is taken over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the runner looks for due timers and for work other hosts left; new work here wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxConcurrentActivities { get; set; } = 16;
}
