namespace GamesDrop.BuildingBlocks.Secrets;

/// <summary>
/// Reads a secret by name: the Dapr secret store, or configuration/environment when Embedded. As daprd does, a name
/// the store does not hold is an error (<see cref="SecretUnavailableException"/>), never an empty answer.
/// </summary>
public interface ISecretStore
{
    Task<string> GetAsync(string name, CancellationToken ct = default);
}
