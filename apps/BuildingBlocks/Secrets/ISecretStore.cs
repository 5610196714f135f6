namespace GamesDrop.BuildingBlocks.Secrets;

/// <summary>Reads a secret by name: the Dapr secret store, or configuration/environment when Embedded.</summary>
public interface ISecretStore
{
    Task<string?> GetAsync(string name, CancellationToken ct = default);
}
