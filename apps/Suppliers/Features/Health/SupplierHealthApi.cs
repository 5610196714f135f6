using GamesDrop.BuildingBlocks.Resiliency;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Features.Purchases;
using GamesDrop.Suppliers.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Health;

public static class SupplierHealthApi
{
    public static RouteGroupBuilder MapSupplierHealth(this RouteGroupBuilder routes)
    {
        routes.MapGet("/supplier-health", GetAsync).WithTags("Health");
        return routes;
    }

    private static async Task<Ok<List<SupplierHealth>>> GetAsync(
        SupplierRegistry registry, SupplierCallMetrics metrics, PurchaseMetrics purchases, SupplierMonitor monitor,
        ICircuitStates circuits, KernelCatalogClient kernel, CancellationToken ct)
    {
        var report = new List<SupplierHealth>();
        foreach (var supplier in registry.Enabled)
        {
            var calls = metrics.Recent(supplier.Code);
            var latencies = calls.Select(c => c.Milliseconds).Order().ToArray();
            var runs = await kernel.RunsAsync(supplier.Code, 20, ct);
            var state = monitor.StateOf(supplier.Code);
            report.Add(new SupplierHealth(
                supplier.Code,
                supplier.Name,
                calls.Count,
                calls.Count == 0 ? 0 : Math.Round(calls.Count(c => !c.Succeeded) / (double)calls.Count, 4),
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.95),
                (circuits.StateOf(supplier.Endpoint) ?? BreakerState.Closed).ToString(),
                monitor.LooksReachable(supplier),
                runs.FirstOrDefault(r => r.Status == "succeeded")?.FinishedAt,
                runs.FirstOrDefault() is { Status: "failed" } failed ? failed.Error : null,
                purchases.FillRate(supplier.Code),
                purchases.MedianSecondsToKey(supplier.Code),
                state.Balance,
                supplier.Currency,
                state.Balance < supplier.LowBalance,
                await kernel.QuarantinedAsync(supplier.Code, 20, ct)));
        }
        return TypedResults.Ok(report);
    }

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[(int)Math.Ceiling(p * sorted.Length) - 1], 1);
}
