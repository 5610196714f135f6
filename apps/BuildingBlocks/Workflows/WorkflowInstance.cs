using System.Text.Json;

namespace GamesDrop.BuildingBlocks.Workflows;

/// <summary>
/// An instance as its client sees it. <paramref name="CustomStatus"/> is the status a workflow set: the string
/// itself when it set a string, else its JSON.
/// </summary>
public sealed record WorkflowInstance(
    string InstanceId,
    string Name,
    WorkflowRunStatus Status,
    string? CustomStatus,
    string? SerializedOutput,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    public T? ReadOutputAs<T>() =>
        string.IsNullOrEmpty(SerializedOutput) ? default : JsonSerializer.Deserialize<T>(SerializedOutput, WorkflowJson.Options);
}
