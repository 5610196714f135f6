using Dapr.Client;

namespace GamesDrop.BuildingBlocks.Bindings;

internal sealed class DaprOutputBinding(DaprClient dapr) : IOutputBinding
{
    public Task InvokeAsync<T>(string binding, string operation, T data, CancellationToken ct = default) =>
        dapr.InvokeBindingAsync(binding, operation, data, cancellationToken: ct);
}
