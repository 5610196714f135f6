using Dapr.Workflow;

namespace GamesDrop.Embedded.Runtime.Tests.Workflows;

public sealed class UpperActivity(Probe probe) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        probe.Ran("Upper");
        return Task.FromResult(input.ToUpperInvariant());
    }
}

public sealed class ExclaimActivity(Probe probe) : WorkflowActivity<string, string>
{
    public override Task<string> RunAsync(WorkflowActivityContext context, string input)
    {
        probe.Ran("Exclaim");
        return Task.FromResult(input + "!");
    }
}

public sealed class AddOneActivity(Probe probe) : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input)
    {
        probe.Ran("AddOne");
        return Task.FromResult(input + 1);
    }
}

public sealed class SlowActivity(Probe probe) : WorkflowActivity<int, int>
{
    public override async Task<int> RunAsync(WorkflowActivityContext context, int input)
    {
        await probe.SlowAsync();
        return input * 10;
    }
}

public sealed class FlakyActivity(Probe probe) : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input)
    {
        probe.Ran("Flaky");
        throw new InvalidOperationException("supplier said no");
    }
}

public sealed class TrackActivity(Probe probe) : WorkflowActivity<string, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, string input)
    {
        await probe.TrackAsync(context.InstanceId);
        return true;
    }
}
