using GamesDrop.BuildingBlocks.Data;
using GamesDrop.BuildingBlocks.Workflows;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GamesDrop.Embedded.Runtime.Workflows;

public static class EmbeddedWorkflowsExtensions
{
    /// <summary>The app whose workflow history this is, and whose role owns the <c>workflows</c> schema.</summary>
    public const string App = AppIds.Checkout;

    /// <summary>
    /// Runs the workflows the apps registered with <c>AddWorkflowHosting</c> in this process, history in PostgreSQL
    /// (schema <c>workflows</c>), and gives them <see cref="IWorkflowClient"/>. Call after AddBuildingBlocks.
    /// </summary>
    public static IServiceCollection AddEmbeddedWorkflows(this IServiceCollection services, Action<WorkflowRunnerOptions>? configure = null)
    {
        var options = new WorkflowRunnerOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        if (services.All(d => d.ImplementationInstance is not WorkflowRegistry))
        {
            // A host whose apps register no workflow still answers the client, and fails what it is asked to run.
            services.AddSingleton(new WorkflowRegistry());
        }
        services.AddPostgres();
        services.AddMigrations("workflows", typeof(EmbeddedWorkflowsExtensions).Assembly);
        services.AddSingleton<EpisodeRunner>();
        services.AddSingleton<ActivityRunner>();
        services.AddSingleton<WorkflowWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkflowWorker>());
        services.AddSingleton<IWorkflowClient, EmbeddedWorkflowClient>();
        return services;
    }
}
