using System.Text.Json;
using Dapr.Workflow;
using GamesDrop.BuildingBlocks.Workflows;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>Where an episode left the instance.</summary>
internal sealed record EpisodeOutcome(WorkflowRunStatus Status, string? Output, string? Failure);

/// <summary>
/// One episode: <c>RunAsync</c> from the start, fed the stored history (replaying) and then the new events, the code
/// moved to its next await after each. What the code still awaits at the end is the new work.
/// </summary>
internal static class Episode
{
    public static EpisodeOutcome Replay(
        IWorkflow workflow, EmbeddedWorkflowContext context, string? input, IReadOnlyList<HistoryEvent> history, IReadOnlyList<HistoryEvent> newEvents)
    {
        var previous = SynchronizationContext.Current;
        var continuations = new EpisodeSynchronizationContext();
        SynchronizationContext.SetSynchronizationContext(continuations);
        try
        {
            var started = history.Concat(newEvents).First(e => e.Kind == EventKinds.OrchestratorStarted);
            context.Begin(started.At, replaying: history.Count > 0);
            var run = Start(workflow, context, input);
            continuations.Drain();
            foreach (var e in history)
            {
                context.Apply(e, replaying: true);
                continuations.Drain();
            }
            foreach (var e in newEvents)
            {
                context.Apply(e, replaying: false);
                continuations.Drain();
            }
            if (!run.IsCompleted)
            {
                return new EpisodeOutcome(WorkflowRunStatus.Running, null, null);
            }
            try
            {
                return new EpisodeOutcome(WorkflowRunStatus.Completed, EmbeddedWorkflowContext.Serialize(run.GetAwaiter().GetResult()), null);
            }
            catch (Exception e)
            {
                return new EpisodeOutcome(WorkflowRunStatus.Failed, null, e.Message);
            }
        }
        catch (Exception e) when (e is NonDeterminismException or JsonException)
        {
            return new EpisodeOutcome(WorkflowRunStatus.Failed, null, e.Message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private static Task<object?> Start(IWorkflow workflow, EmbeddedWorkflowContext context, string? input)
    {
        var value = string.IsNullOrEmpty(input) ? null : JsonSerializer.Deserialize(input, workflow.InputType, WorkflowJson.Options);
        try
        {
            return workflow.RunAsync(context, value);
        }
        catch (Exception e)
        {
            // A workflow that throws before its first await fails like one that throws later.
            return Task.FromException<object?>(e);
        }
    }
}
