using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Resiliency;
using Polly.CircuitBreaker;

namespace GamesDrop.Embedded.Runtime.Resiliency;

/// <summary>
/// A circuit breaker with gobreaker's semantics, which Dapr uses: counts reset every <c>interval</c> while
/// closed, the trip expression is checked on each failure, open lasts <c>timeout</c>, and half-open lets
/// <c>maxRequests</c> through; that many successes close it, one failure opens it again.
/// Hand-written because no maintained .NET breaker has this trip rule: Polly's breaker trips on a failure ratio over a
/// sampling window with a minimum throughput, and cannot evaluate resiliency.yaml's <c>trip</c> expression
/// (e.g. <c>consecutiveFailures &gt; 5</c>) nor gobreaker's interval reset and half-open request count.
/// </summary>
public sealed class GoCircuitBreaker(CircuitBreakerPolicy policy, TimeProvider time)
{
    private readonly Lock _gate = new();
    private BreakerState _state = BreakerState.Closed;
    private long _generation;
    private DateTimeOffset _expiry = Expiry(policy, BreakerState.Closed, time.GetUtcNow());
    private long _requests, _totalSuccesses, _totalFailures, _consecutiveSuccesses, _consecutiveFailures;

    public string Name => policy.Name;

    public BreakerState State
    {
        get
        {
            lock (_gate)
            {
                return CurrentState(time.GetUtcNow());
            }
        }
    }

    /// <summary>Admits a request or throws <see cref="BrokenCircuitException"/>; returns the generation to report back.</summary>
    public long Enter()
    {
        lock (_gate)
        {
            var state = CurrentState(time.GetUtcNow());
            if (state == BreakerState.Open)
            {
                throw new BrokenCircuitException($"Circuit '{policy.Name}' is open.");
            }
            if (state == BreakerState.HalfOpen && _requests >= policy.MaxRequests)
            {
                throw new BrokenCircuitException($"Circuit '{policy.Name}' is half-open and already probing.");
            }
            _requests++;
            return _generation;
        }
    }

    public void Exit(long generation, bool success)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var state = CurrentState(now);
            if (generation != _generation)
            {
                return;
            }
            if (success)
            {
                _totalSuccesses++;
                _consecutiveSuccesses++;
                _consecutiveFailures = 0;
                if (state == BreakerState.HalfOpen && _consecutiveSuccesses >= policy.MaxRequests)
                {
                    SetState(BreakerState.Closed, now);
                }
                return;
            }
            _totalFailures++;
            _consecutiveFailures++;
            _consecutiveSuccesses = 0;
            var counts = new BreakerCounts(_requests, _totalSuccesses, _totalFailures, _consecutiveSuccesses, _consecutiveFailures);
            if (state == BreakerState.HalfOpen || (state == BreakerState.Closed && policy.Trip.IsMet(counts)))
            {
                SetState(BreakerState.Open, now);
            }
        }
    }

    private BreakerState CurrentState(DateTimeOffset now)
    {
        if (_state == BreakerState.Closed && _expiry != DateTimeOffset.MaxValue && _expiry <= now)
        {
            NewGeneration(now);
        }
        else if (_state == BreakerState.Open && _expiry <= now)
        {
            SetState(BreakerState.HalfOpen, now);
        }
        return _state;
    }

    private void SetState(BreakerState state, DateTimeOffset now)
    {
        _state = state;
        NewGeneration(now);
    }

    private void NewGeneration(DateTimeOffset now)
    {
        _generation++;
        _requests = _totalSuccesses = _totalFailures = _consecutiveSuccesses = _consecutiveFailures = 0;
        _expiry = Expiry(policy, _state, now);
    }

    private static DateTimeOffset Expiry(CircuitBreakerPolicy policy, BreakerState state, DateTimeOffset now) => state switch
    {
        BreakerState.Closed when policy.Interval > TimeSpan.Zero => now + policy.Interval,
        BreakerState.Open => now + policy.Timeout,
        _ => DateTimeOffset.MaxValue,
    };
}
