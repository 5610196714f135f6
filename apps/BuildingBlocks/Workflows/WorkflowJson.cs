using System.Text.Json;

namespace GamesDrop.BuildingBlocks.Workflows;

/// <summary>The workflow payload format of Dapr's default serializer, so both profiles store the same JSON.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { IncludeFields = true };

    /// <summary>A custom status as <see cref="WorkflowInstance.CustomStatus"/> shows it.</summary>
    public static string? StatusText(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : json;
    }
}
