namespace GamesDrop.BuildingBlocks.Secrets;

/// <summary>The store has no such secret, or could not be asked; a caller that can do without it catches this.</summary>
public sealed class SecretUnavailableException(string name, Exception? inner = null)
    : Exception($"Secret '{name}' is not available (secret store, or Secrets:{name} when Embedded).", inner)
{
    public string Name { get; } = name;
}
