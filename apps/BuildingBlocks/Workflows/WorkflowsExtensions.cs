using Dapr.Workflow;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.Workflows.Dapr;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Workflows;

public static class WorkflowsExtensions
{
    /// <summary>
    /// Hosts the workflows and activities <paramref name="configure"/> registers for app <paramref name="appId"/>.
    /// Dapr: <c>AddDaprWorkflow</c> and an <see cref="IWorkflowClient"/> over <see cref="DaprWorkflowClient"/>.
    /// Embedded: only records them in the <see cref="WorkflowRegistry"/>; the Embedded host's runtime runs them
    /// and provides the client.
    /// </summary>
    public static IServiceCollection AddWorkflowHosting(this IServiceCollection services, string appId, Action<WorkflowRuntimeOptions> configure)
    {
        var host = HostIdentity.Registered(services, nameof(AddWorkflowHosting));
        if (host.Profile == RuntimeProfile.Dapr)
        {
            services.AddDaprWorkflow(configure);
            services.AddSingleton<IWorkflowClient, DaprWorkflowClientAdapter>();
            return services;
        }
        var registry = services.Select(d => d.ImplementationInstance).OfType<WorkflowRegistry>().SingleOrDefault();
        if (registry is null)
        {
            registry = new WorkflowRegistry();
            services.AddSingleton(registry);
        }
        var options = new WorkflowRuntimeOptions();
        configure(options);
        registry.Add(appId, options);
        return services;
    }
}
