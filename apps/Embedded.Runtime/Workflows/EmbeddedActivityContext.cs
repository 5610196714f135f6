using Dapr.Workflow;
using Dapr.Workflow.Abstractions;

namespace GamesDrop.Embedded.Runtime.Workflows;

/// <summary>
/// What an activity sees. The execution key is stable for one task (instance, sequence id, name), so a side effect
/// keyed by it is done once however often the activity runs.
/// </summary>
internal sealed class EmbeddedActivityContext(string name, string instanceId, int taskId) : WorkflowActivityContext
{
    public override TaskIdentifier Identifier { get; } = new(name);

    public override string InstanceId => instanceId;

    public override string TaskExecutionKey { get; } = DeterministicGuid.Create($"{instanceId}|activity|{taskId}|{name}").ToString("N");
}
