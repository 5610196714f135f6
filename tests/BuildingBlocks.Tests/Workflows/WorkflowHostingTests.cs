using Dapr.Workflow;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.BuildingBlocks.Workflows.Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Tests.Workflows;

public sealed class WorkflowHostingTests
{
    [Fact]
    public void The_Dapr_profile_registers_through_AddDaprWorkflow_and_gives_the_client_adapter()
    {
        var services = Services(RuntimeProfile.Dapr);

        services.AddWorkflowHosting("checkout", o => o.RegisterWorkflow<NoopWorkflow>());

        services.Should().Contain(d => d.ServiceType == typeof(WorkflowRuntimeOptions), "AddDaprWorkflow registers its options");
        services.Should().Contain(d => d.ServiceType == typeof(DaprWorkflowClient));
        services.Single(d => d.ServiceType == typeof(IWorkflowClient)).ImplementationType.Should().Be<DaprWorkflowClientAdapter>();
        services.Should().NotContain(d => d.ServiceType == typeof(WorkflowRegistry));
    }

    [Fact]
    public void The_Embedded_profile_only_records_the_registrations_by_name()
    {
        var services = Services(RuntimeProfile.Embedded);

        services.AddWorkflowHosting("checkout", o =>
        {
            o.RegisterWorkflow<NoopWorkflow>();
            o.RegisterActivity<NoopActivity>("Noop");
        });

        var registry = services.Select(d => d.ImplementationInstance).OfType<WorkflowRegistry>().Single();
        registry.WorkflowNames.Should().Equal(nameof(NoopWorkflow));
        registry.ActivityNames.Should().Equal("Noop");
        services.Should().NotContain(d => d.ServiceType == typeof(IWorkflowClient), "the Embedded runtime provides it");
        services.Should().NotContain(d => d.ServiceType == typeof(DaprWorkflowClient));
    }

    [Fact]
    public void Two_apps_in_one_Embedded_host_cannot_claim_one_workflow_name()
    {
        var services = Services(RuntimeProfile.Embedded);
        services.AddWorkflowHosting("checkout", o => o.RegisterWorkflow<NoopWorkflow>());

        var second = () => services.AddWorkflowHosting("kernel", o => o.RegisterWorkflow<NoopWorkflow>());

        second.Should().Throw<InvalidOperationException>().WithMessage("*already registered by app 'checkout'*");
    }

    [Theory]
    [InlineData(WorkflowRuntimeStatus.Running, WorkflowRunStatus.Running)]
    [InlineData(WorkflowRuntimeStatus.ContinuedAsNew, WorkflowRunStatus.Running)]
    [InlineData(WorkflowRuntimeStatus.Canceled, WorkflowRunStatus.Terminated)]
    [InlineData(WorkflowRuntimeStatus.Stalled, WorkflowRunStatus.Suspended)]
    [InlineData(WorkflowRuntimeStatus.Failed, WorkflowRunStatus.Failed)]
    public void Dapr_statuses_map_onto_the_ports_statuses(WorkflowRuntimeStatus dapr, WorkflowRunStatus expected) =>
        DaprWorkflowClientAdapter.Map(dapr).Should().Be(expected);

    private static ServiceCollection Services(RuntimeProfile profile)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new HostIdentity("test-host", profile, ["checkout"]));
        return services;
    }

    private sealed class NoopWorkflow : Workflow<string, string>
    {
        public override Task<string> RunAsync(WorkflowContext context, string input) => Task.FromResult(input);
    }

    private sealed class NoopActivity : WorkflowActivity<string, string>
    {
        public override Task<string> RunAsync(WorkflowActivityContext context, string input) => Task.FromResult(input);
    }
}
