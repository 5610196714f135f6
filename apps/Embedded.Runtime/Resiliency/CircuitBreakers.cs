using System.Collections.Concurrent;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Resiliency;

namespace GamesDrop.Embedded.Runtime.Resiliency;

/// <summary>One breaker per target, as Dapr keeps one per HTTPEndpoint; readable for health pages.</summary>
public sealed class CircuitBreakers(TimeProvider time) : ICircuitStates
{
    private readonly ConcurrentDictionary<string, GoCircuitBreaker> _byTarget = new();

    public GoCircuitBreaker For(string target, CircuitBreakerPolicy policy) =>
        _byTarget.GetOrAdd(target, _ => new GoCircuitBreaker(policy, time));

    public BreakerState? StateOf(string target) => _byTarget.TryGetValue(target, out var breaker) ? breaker.State : null;

    // In-process: always current.
    public Task RefreshAsync(CancellationToken ct) => Task.CompletedTask;
}
