namespace GamesDrop.BuildingBlocks.Bindings;

/// <summary>Sends data to a Dapr output binding (a queue, an HTTP API) by component name.</summary>
public interface IOutputBinding
{
    Task InvokeAsync<T>(string binding, string operation, T data, CancellationToken ct = default);
}
