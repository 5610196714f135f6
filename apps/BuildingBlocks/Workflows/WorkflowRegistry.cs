using Dapr.Workflow;
using Dapr.Workflow.Abstractions;
using Dapr.Workflow.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace GamesDrop.BuildingBlocks.Workflows;

/// <summary>
/// Embedded profile: the workflows and activities the apps registered, by name (case-insensitive, a class's
/// name unless given, as Dapr's factory does), created through DI for each run. Filled by
/// <see cref="WorkflowRuntimeOptions.ApplyRegistrations"/>; the Embedded runtime runs them.
/// </summary>
public sealed class WorkflowRegistry : IWorkflowsFactory
{
    private readonly Dictionary<string, Func<IServiceProvider, IWorkflow>> _workflows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, IWorkflowActivity>> _activities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _workflowApps = new(StringComparer.OrdinalIgnoreCase);
    private string _registeringApp = "";

    public IReadOnlyCollection<string> WorkflowNames => _workflows.Keys;

    public IReadOnlyCollection<string> ActivityNames => _activities.Keys;

    /// <summary>
    /// One process hosts every app here, while daprd keeps each app's workflows apart: two apps claiming one
    /// workflow name would share instances, so that is refused.
    /// </summary>
    public void Add(string appId, WorkflowRuntimeOptions options)
    {
        _registeringApp = appId;
        options.ApplyRegistrations(this);
    }

    public void RegisterWorkflow<TWorkflow>(string? name = null) where TWorkflow : class, IWorkflow
    {
        name ??= typeof(TWorkflow).Name;
        if (_workflowApps.TryGetValue(name, out var owner) && owner != _registeringApp)
        {
            throw new InvalidOperationException($"Workflow '{name}' is already registered by app '{owner}'.");
        }
        _workflowApps[name] = _registeringApp;
        _workflows.TryAdd(name, sp => ActivatorUtilities.CreateInstance<TWorkflow>(sp));
    }

    public void RegisterActivity<TActivity>(string? name = null) where TActivity : class, IWorkflowActivity =>
        _activities.TryAdd(name ?? typeof(TActivity).Name, sp => ActivatorUtilities.CreateInstance<TActivity>(sp));

    public void RegisterWorkflow<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> implementation) =>
        throw new NotSupportedException("Register workflow classes; the Embedded runtime runs no function workflows.");

    public void RegisterActivity<TInput, TOutput>(string name, Func<WorkflowActivityContext, TInput, Task<TOutput>> implementation) =>
        throw new NotSupportedException("Register activity classes; the Embedded runtime runs no function activities.");

    public bool TryCreateWorkflow(TaskIdentifier identifier, IServiceProvider serviceProvider, out IWorkflow? workflow, out Exception? activationException) =>
        TryCreate(_workflows, identifier.Name, serviceProvider, out workflow, out activationException);

    public bool TryCreateActivity(TaskIdentifier identifier, IServiceProvider serviceProvider, out IWorkflowActivity? activity, out Exception? activationException) =>
        TryCreate(_activities, identifier.Name, serviceProvider, out activity, out activationException);

    private static bool TryCreate<T>(Dictionary<string, Func<IServiceProvider, T>> factories, string name, IServiceProvider services,
        out T? created, out Exception? activationException) where T : class
    {
        created = null;
        activationException = null;
        if (!factories.TryGetValue(name, out var factory))
        {
            return false;
        }
        try
        {
            created = factory(services);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or MissingMethodException)
        {
            activationException = e;
            return false;
        }
    }
}
