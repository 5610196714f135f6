using System.Collections.Concurrent;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.Contracts;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Clients;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Features.Health;

/// <summary>What the monitor last learned about a supplier.</summary>
public sealed record SupplierState(bool Reachable, decimal? Balance, DateTimeOffset? BalanceAt, bool CircuitOpen = false);

/// <summary>
/// Watches each supplier: tells the kernel when one becomes unreachable (its offers then show as
/// temporarily unavailable) or reachable again, announces each opening and closing of its circuit breaker, and checks
/// balances, raising an event when one runs low.
/// </summary>
public sealed partial class SupplierMonitor(
    IServiceScopeFactory scopes, SupplierCallMetrics metrics, ICircuitStates circuits, IOptions<SupplierMonitorOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SupplierMonitor> logger) : BackgroundService
{
    private const int FailuresMeaningDown = 5;
    private readonly ConcurrentDictionary<string, SupplierState> _states = new();

    public SupplierState StateOf(string supplier) => _states.GetValueOrDefault(supplier, new SupplierState(true, null, null));

    /// <summary>Not when its endpoint's breaker is open (in-process, or daprd's as last read) or its last calls all failed.</summary>
    public bool LooksReachable(ISupplier supplier) =>
        circuits.StateOf(supplier.Endpoint) != BreakerState.Open && !metrics.LastCallsFailed(supplier.Code, FailuresMeaningDown);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // It reports to the kernel, which in the Embedded host is reachable only once the server listens.
            await HostStarted.WaitAsync(lifetime, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var balanceEvery = options.Value.BalanceCheckInterval;
        var nextBalanceCheck = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            using var scope = scopes.CreateScope();
            var kernel = scope.ServiceProvider.GetRequiredService<KernelCatalogClient>();
            var events = scope.ServiceProvider.GetRequiredService<IEventPublisher>();
            var checkBalances = time.GetUtcNow() >= nextBalanceCheck;
            await RefreshCircuitsAsync(stoppingToken);
            foreach (var supplier in scope.ServiceProvider.GetRequiredService<SupplierRegistry>().Enabled)
            {
                try
                {
                    await ReportCircuitAsync(supplier, events, stoppingToken);
                    await ReportReachabilityAsync(supplier, kernel, stoppingToken);
                    // An unreachable supplier is probed each round, so recovery is noticed without waiting for traffic.
                    if (checkBalances || !StateOf(supplier.Code).Reachable)
                    {
                        await CheckBalanceAsync(supplier, events, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A watcher must outlive any one failed check (supplier down, kernel restarting).
                    LogCheckFailed(e, supplier.Code);
                }
            }
            if (checkBalances)
            {
                nextBalanceCheck = time.GetUtcNow() + balanceEvery;
            }
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Half-open counts as open (it did open; traffic is not back yet), so a breaker that tests and reopens alerts once.
    // Unknown (unused, or daprd's metrics unreadable) changes nothing. A failed publish leaves the state as it was, and the
    // next round tries again.
    private async Task ReportCircuitAsync(ISupplier supplier, IEventPublisher events, CancellationToken ct)
    {
        if (circuits.StateOf(supplier.Endpoint) is not { } state)
        {
            return;
        }
        var open = state != BreakerState.Closed;
        if (open == StateOf(supplier.Code).CircuitOpen)
        {
            return;
        }
        await events.PublishAsync(Topics.SupplierCircuitChanged, new SupplierCircuitChanged(supplier.Code, open, time.GetUtcNow()), ct: ct);
        _states[supplier.Code] = StateOf(supplier.Code) with { CircuitOpen = open };
        LogCircuit(supplier.Code, open ? "opened" : "closed");
    }

    private async Task ReportReachabilityAsync(ISupplier supplier, KernelCatalogClient kernel, CancellationToken ct)
    {
        var reachable = LooksReachable(supplier);
        var previous = StateOf(supplier.Code);
        if (previous.Reachable == reachable)
        {
            return;
        }
        await kernel.SetReachableAsync(supplier.Code, reachable, ct);
        _states[supplier.Code] = previous with { Reachable = reachable };
        LogReachability(supplier.Code, reachable ? "reachable again" : "unreachable; its offers show as temporarily unavailable");
    }

    private async Task CheckBalanceAsync(ISupplier supplier, IEventPublisher events, CancellationToken ct)
    {
        var balance = await supplier.GetBalanceAsync(ct);
        var threshold = supplier.LowBalance;
        var previous = StateOf(supplier.Code);
        _states[supplier.Code] = previous with { Balance = balance, BalanceAt = time.GetUtcNow() };
        // Alert on crossing under the threshold, not on every check while it stays low.
        var wasLow = previous.Balance is { } before && before < threshold;
        if (balance < threshold && !wasLow)
        {
            await events.PublishAsync(Topics.SupplierBalanceLow, new SupplierBalanceLow(supplier.Code, balance, threshold, supplier.Currency), ct: ct);
            LogLowBalance(supplier.Code, balance, supplier.Currency);
        }
    }

    private async Task RefreshCircuitsAsync(CancellationToken ct)
    {
        try
        {
            await circuits.RefreshAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(e, "circuits");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supplier {Supplier} is {Change}")]
    private partial void LogReachability(string supplier, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supplier {Supplier} circuit {Change}")]
    private partial void LogCircuit(string supplier, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supplier {Supplier} balance is low: {Balance} {Currency}")]
    private partial void LogLowBalance(string supplier, decimal balance, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supplier {Supplier} check failed")]
    private partial void LogCheckFailed(Exception e, string supplier);
}
