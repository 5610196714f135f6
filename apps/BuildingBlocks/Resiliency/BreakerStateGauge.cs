using System.Diagnostics.Metrics;
using GamesDrop.BuildingBlocks.Components;
using GamesDrop.ServiceDefaults.Telemetry;
using Microsoft.Extensions.Hosting;

namespace GamesDrop.BuildingBlocks.Resiliency;

/// <summary>
/// Metric <c>gamesdrop.breaker.state</c>: each resiliency target's breaker as this host last read it (0 closed,
/// 1 half-open, 2 open). A hosted service only so the gauge exists from start-up, before anything reads a state.
/// </summary>
internal sealed class BreakerStateGauge : IHostedService
{
    public BreakerStateGauge(IMeterFactory meters, ICircuitStates states, ComponentCatalog catalog) =>
        meters.Create(StoreMetrics.MeterName).CreateObservableGauge("gamesdrop.breaker.state", () =>
            catalog.Resiliency.Apps.Where(target => target.Value.CircuitBreaker is not null)
                .Select(target => (Target: target.Key, State: states.StateOf(target.Key)))
                .Where(read => read.State is not null)
                .Select(read => new Measurement<int>((int)read.State!.Value, new KeyValuePair<string, object?>("target", read.Target))),
            description: "Circuit breaker state per resiliency target: 0 closed, 1 half-open, 2 open.");

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
