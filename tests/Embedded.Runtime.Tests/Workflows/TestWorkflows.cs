using Dapr.Workflow;

namespace GamesDrop.Embedded.Runtime.Tests.Workflows;

public sealed record Decision(bool Approved);

public sealed record Greeting(string Text, Guid FirstGuid);

/// <summary>Two activities in a row, a custom status and a deterministic id.</summary>
public sealed class GreetingWorkflow : Workflow<string, Greeting>
{
    public override async Task<Greeting> RunAsync(WorkflowContext context, string input)
    {
        var id = context.NewGuid();
        var upper = await context.CallActivityAsync<string>(nameof(UpperActivity), input);
        context.SetCustomStatus("greeted");
        var text = await context.CallActivityAsync<string>(nameof(ExclaimActivity), upper);
        return new Greeting(text, id);
    }
}

public sealed class SlowWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        var next = await context.CallActivityAsync<int>(nameof(AddOneActivity), input);
        return await context.CallActivityAsync<int>(nameof(SlowActivity), next);
    }
}

public sealed class TimerWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        await context.CreateTimer(TimeSpan.FromSeconds(1));
        return await context.CallActivityAsync<string>(nameof(UpperActivity), input);
    }
}

/// <summary>Waits for an approval, for <c>input</c> seconds when positive, else for ever.</summary>
public sealed class ApprovalWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        context.SetCustomStatus("awaiting-approval");
        try
        {
            var decision = input > 0
                ? await context.WaitForExternalEventAsync<Decision>("approval", TimeSpan.FromSeconds(input))
                : await context.WaitForExternalEventAsync<Decision>("approval");
            return decision.Approved ? "approved" : "refused";
        }
        catch (TaskCanceledException)
        {
            return "timed-out";
        }
    }
}

/// <summary>Takes two notes after a slow step, so both can be raised before it waits.</summary>
public sealed class NotesWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        await context.CallActivityAsync<int>(nameof(SlowActivity), input);
        var first = await context.WaitForExternalEventAsync<string>("note");
        var second = await context.WaitForExternalEventAsync<string>("note");
        return first + "," + second;
    }
}

public sealed class RetryWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, int input)
    {
        var retry = new WorkflowTaskOptions(new WorkflowRetryPolicy(3, TimeSpan.FromMilliseconds(200), backoffCoefficient: 2));
        try
        {
            await context.CallActivityAsync<int>(nameof(FlakyActivity), input, retry);
            return "done";
        }
        catch (WorkflowTaskFailedException e)
        {
            return $"caught {e.FailureDetails.ErrorType}: {e.FailureDetails.ErrorMessage}";
        }
    }
}

public sealed class StepsWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var upper = await context.CallActivityAsync<string>(nameof(UpperActivity), input);
        return upper + await context.WaitForExternalEventAsync<string>("go");
    }
}

/// <summary>A later version of <see cref="StepsWorkflow"/> that starts with another activity.</summary>
public sealed class ChangedStepsWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var loud = await context.CallActivityAsync<string>(nameof(ExclaimActivity), input);
        return loud + await context.WaitForExternalEventAsync<string>("go");
    }
}

public sealed class TrackedWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        for (var i = 0; i < input; i++)
        {
            await context.CallActivityAsync<bool>(nameof(TrackActivity), context.InstanceId);
        }
        return input;
    }
}
