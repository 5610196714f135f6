namespace GamesDrop.BuildingBlocks.Resiliency;

/// <summary>
/// Where each resiliency target's circuit breaker stands, read where the breaker lives: in this process when Embedded
/// (the Embedded runtime's breakers), in daprd when Dapr (<see cref="DaprCircuitStates"/>, its metrics).
/// </summary>
public interface ICircuitStates
{
    /// <summary>The last known state; null when the breaker has not been used yet or could not be read.</summary>
    BreakerState? StateOf(string target);

    /// <summary>Reads the states again where that takes a call (Dapr); the caller decides how often.</summary>
    Task RefreshAsync(CancellationToken ct);
}

public enum BreakerState
{
    Closed,
    HalfOpen,
    Open,
}
