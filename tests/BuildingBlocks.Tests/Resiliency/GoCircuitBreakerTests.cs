using GamesDrop.BuildingBlocks.Components;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.Embedded.Runtime.Resiliency;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace GamesDrop.BuildingBlocks.Tests.Resiliency;

public sealed class GoCircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new();

    private GoCircuitBreaker Breaker(TimeSpan? interval = null) => new(new CircuitBreakerPolicy(
        "supplier", MaxRequests: 2, interval ?? TimeSpan.Zero, Timeout: TimeSpan.FromSeconds(30), TripCondition.Parse("consecutiveFailures > 3")), _time);

    private static void Fail(GoCircuitBreaker breaker, int times)
    {
        for (var i = 0; i < times; i++)
        {
            breaker.Exit(breaker.Enter(), success: false);
        }
    }

    [Fact]
    public void Trips_only_when_the_trip_expression_holds()
    {
        var breaker = Breaker();

        Fail(breaker, 3);
        breaker.State.Should().Be(BreakerState.Closed);
        Fail(breaker, 1);

        breaker.State.Should().Be(BreakerState.Open);
        FluentActions.Invoking(breaker.Enter).Should().Throw<BrokenCircuitException>();
    }

    [Fact]
    public void A_success_resets_consecutive_failures()
    {
        var breaker = Breaker();

        Fail(breaker, 3);
        breaker.Exit(breaker.Enter(), success: true);
        Fail(breaker, 3);

        breaker.State.Should().Be(BreakerState.Closed);
    }

    [Fact]
    public void After_the_timeout_it_half_opens_and_max_requests_successes_close_it()
    {
        var breaker = Breaker();
        Fail(breaker, 4);

        _time.Advance(TimeSpan.FromSeconds(31));

        breaker.State.Should().Be(BreakerState.HalfOpen);
        var first = breaker.Enter();
        var second = breaker.Enter();
        FluentActions.Invoking(breaker.Enter).Should().Throw<BrokenCircuitException>("only maxRequests probes pass while half-open");
        breaker.Exit(first, success: true);
        breaker.Exit(second, success: true);
        breaker.State.Should().Be(BreakerState.Closed);
    }

    [Fact]
    public void A_failure_while_half_open_opens_it_again()
    {
        var breaker = Breaker();
        Fail(breaker, 4);
        _time.Advance(TimeSpan.FromSeconds(31));

        Fail(breaker, 1);

        breaker.State.Should().Be(BreakerState.Open);
    }

    [Fact]
    public void Counts_reset_every_interval_while_closed()
    {
        var breaker = Breaker(interval: TimeSpan.FromSeconds(10));

        Fail(breaker, 3);
        _time.Advance(TimeSpan.FromSeconds(11));
        Fail(breaker, 3);

        breaker.State.Should().Be(BreakerState.Closed);
    }

    [Fact]
    public void Results_of_an_earlier_generation_are_ignored()
    {
        var breaker = Breaker();
        var early = breaker.Enter();
        Fail(breaker, 4);
        _time.Advance(TimeSpan.FromSeconds(31));

        breaker.Exit(early, success: false);

        breaker.State.Should().Be(BreakerState.HalfOpen);
    }
}
