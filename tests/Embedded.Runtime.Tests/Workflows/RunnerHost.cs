using Dapr.Workflow;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Embedded.Runtime.Workflows;
using GamesDrop.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GamesDrop.Embedded.Runtime.Tests.Workflows;

/// <summary>A host with only the workflow runtime, on the test's database; several may share one database.</summary>
public sealed class RunnerHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private RunnerHost(IHost host) => _host = host;

    public IWorkflowClient Client => _host.Services.GetRequiredService<IWorkflowClient>();

    public static void RegisterAll(WorkflowRuntimeOptions o)
    {
        o.RegisterWorkflow<GreetingWorkflow>();
        o.RegisterWorkflow<SlowWorkflow>();
        o.RegisterWorkflow<TimerWorkflow>();
        o.RegisterWorkflow<ApprovalWorkflow>();
        o.RegisterWorkflow<NotesWorkflow>();
        o.RegisterWorkflow<RetryWorkflow>();
        o.RegisterWorkflow<StepsWorkflow>("Steps");
        o.RegisterWorkflow<TrackedWorkflow>();
        o.RegisterActivity<UpperActivity>();
        o.RegisterActivity<ExclaimActivity>();
        o.RegisterActivity<AddOneActivity>();
        o.RegisterActivity<SlowActivity>();
        o.RegisterActivity<FlakyActivity>();
        o.RegisterActivity<TrackActivity>();
    }

    public static async Task<RunnerHost> StartAsync(
        TestDatabase database, Probe probe, Action<WorkflowRuntimeOptions>? register = null, TimeSpan? lease = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
        });
        builder.Services.AddSingleton(new HostIdentity("test-host", RuntimeProfile.Embedded, ["checkout"]));
        builder.Services.AddSingleton(probe);
        builder.Services.AddWorkflowHosting("checkout", register ?? RegisterAll);
        builder.Services.AddEmbeddedWorkflows(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(100);
            o.LeaseDuration = lease ?? TimeSpan.FromMinutes(1);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new RunnerHost(host);
    }

    /// <summary>Waits, generously, until the instance has ended, and returns it.</summary>
    public async Task<WorkflowInstance> EndedAsync(string instanceId)
    {
        WorkflowInstance? instance = null;
        await Eventually.HoldsAsync(async () =>
            (instance = await Client.GetAsync(instanceId))?.Status is WorkflowRunStatus.Completed or WorkflowRunStatus.Failed or WorkflowRunStatus.Terminated,
            TimeSpan.FromSeconds(60));
        instance.Should().NotBeNull();
        instance!.Status.Should().NotBe(WorkflowRunStatus.Running, "the instance should have ended");
        return instance;
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
