using GamesDrop.Contracts.Catalog;
using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Features.Health;
using GamesDrop.Suppliers.Clients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Purchases;

/// <summary>
/// Buys keys for one order line: the caller lists candidate offers cheapest first; each is tried in turn, skipping suppliers
/// that look down, until one sells. Only a supplier that surely made nothing is failed over; one that may have sold ends the
/// purchase as unknown (202), for the caller to poll. A purchase may come back pending; its status (and keys as they
/// arrive) is read with <c>/status</c>. Keys are returned, never logged.
/// </summary>
public static partial class PurchasesApi
{
    public static RouteGroupBuilder MapPurchases(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/purchases").WithTags("Purchases");
        group.MapPost("", BuyAsync);
        group.MapPost("/status", StatusAsync);
        return routes;
    }

    /// <returns>200 pending or completed; 202 unknown (poll <c>/status</c>, never buy elsewhere); 409 failed.</returns>
    private static async Task<Results<Ok<PurchaseResult>, Accepted<PurchaseResult>, Conflict<PurchaseResult>, ValidationProblem>> BuyAsync(
        BuyRequest request, SupplierRegistry registry, SupplierMonitor monitor, SupplierBuyer buyer, PurchaseMetrics metrics, KernelCatalogClient kernel,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (Validate(request) is { } problem)
        {
            return problem;
        }
        var logger = logs.CreateLogger(typeof(PurchasesApi));
        var failures = new List<string>();
        foreach (var candidate in request.Candidates)
        {
            if (registry.Find(candidate.Supplier) is not { } supplier || !monitor.LooksReachable(supplier))
            {
                failures.Add($"{candidate.Supplier}: unavailable");
                continue;
            }
            var purchase = await buyer.BuyAsync(supplier, new PurchaseRequest(request.Reference, candidate.Sku, request.Quantity, candidate.MaxUnitPrice), ct);
            var result = PurchaseResult.From(supplier, candidate.Sku, purchase);
            if (purchase.Bought && purchase.UnitPrice > candidate.MaxUnitPrice)
            {
                // The supplier broke our cap: its keys are not accepted, and the order is left to operations to dispute.
                LogAboveCap(logger, supplier.Code, request.Reference, purchase.SupplierOrderId, purchase.UnitPrice, candidate.MaxUnitPrice);
                metrics.Refused(supplier.Code);
                await ReportAsync(kernel, logger, supplier.Code, request.Reference, null, ct);
                failures.Add($"{supplier.Code}: charged {purchase.UnitPrice} {supplier.Currency} a key, above the cap {candidate.MaxUnitPrice} (order {purchase.SupplierOrderId})");
                continue;
            }
            switch (purchase.Status)
            {
                case PurchaseStatus.Pending or PurchaseStatus.Completed:
                    metrics.Attempted(supplier.Code, purchase.SupplierOrderId!);
                    if (purchase.Status == PurchaseStatus.Completed)
                    {
                        await ReportAsync(kernel, logger, supplier.Code, request.Reference, metrics.Fulfilled(supplier.Code, purchase.SupplierOrderId!), ct);
                    }
                    return TypedResults.Ok(result);
                case PurchaseStatus.Unknown:
                    metrics.Refused(supplier.Code);
                    return TypedResults.Accepted((string?)null, result);
                case PurchaseStatus.Failed when purchase.Keys.Count > 0:
                    // Part of the line is bought and paid: buying the whole line elsewhere would pay for those keys twice.
                    metrics.Refused(supplier.Code);
                    return TypedResults.Conflict(result);
                default:
                    metrics.Refused(supplier.Code);
                    await ReportAsync(kernel, logger, supplier.Code, request.Reference, null, ct);
                    LogFailedOver(logger, supplier.Code, request.Reference, purchase.Failure);
                    failures.Add($"{supplier.Code}: {purchase.Failure}");
                    break;
            }
        }
        return TypedResults.Conflict(new PurchaseResult(null, null, null, "failed", [], string.Join("; ", failures), null, null));
    }

    /// <summary>A purchase as the supplier has it now; without a supplier order id (after a 202), looked up by our reference.</summary>
    private static async Task<Results<Ok<PurchaseResult>, NotFound, ValidationProblem>> StatusAsync(
        StatusRequest request, SupplierRegistry registry, SupplierBuyer buyer, PurchaseMetrics metrics, KernelCatalogClient kernel, ILoggerFactory logs,
        CancellationToken ct)
    {
        if (registry.Find(request.Supplier) is not { } supplier)
        {
            return TypedResults.NotFound();
        }
        if (request.Quantity is < 1 or > 10)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["Between 1 and 10."] });
        }
        var purchase = await buyer.ReadAsync(
            supplier, new PurchaseRequest(request.Reference, request.Sku, request.Quantity, request.MaxUnitPrice), request.SupplierOrderId, ct);
        var logger = logs.CreateLogger(typeof(PurchasesApi));
        if (purchase is { Status: PurchaseStatus.Completed, SupplierOrderId: { } completed } && metrics.Fulfilled(supplier.Code, completed) is { } seconds)
        {
            await ReportAsync(kernel, logger, supplier.Code, request.Reference, seconds, ct);
        }
        else if (purchase is { Status: PurchaseStatus.Failed, SupplierOrderId: { } failed })
        {
            metrics.Failed(supplier.Code, failed);
            await ReportAsync(kernel, logger, supplier.Code, request.Reference, null, ct);
        }
        return TypedResults.Ok(PurchaseResult.From(supplier, request.Sku, purchase));
    }

    /// <summary>
    /// Tells the kernel's scoreboard how a purchase ended (seconds to key when filled, null when failed), which fulfilment
    /// reads to order suppliers. Best effort: a purchase never fails because its score could not be written.
    /// </summary>
    private static async Task ReportAsync(KernelCatalogClient kernel, ILogger logger, string supplier, string reference, double? secondsToKey, CancellationToken ct)
    {
        try
        {
            await kernel.RecordPurchaseAsync(supplier,
                new SupplierPurchaseOutcome(reference, secondsToKey is null ? "failed" : "fulfilled", secondsToKey is { } s ? Math.Round(s, 3) : null), ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogScoreLost(logger, e, supplier, reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purchase {Reference} at {Supplier}: its outcome did not reach the scoreboard")]
    private static partial void LogScoreLost(ILogger logger, Exception e, string supplier, string reference);

    private static ValidationProblem? Validate(BuyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 64)
        {
            errors["reference"] = ["Our order line reference, 1 to 64 characters."];
        }
        if (request.Quantity is < 1 or > 9)
        {
            errors["quantity"] = ["Between 1 and 9 keys."];
        }
        if (request.Candidates is not { Count: > 0 and <= 10 } || request.Candidates.Any(c => c.MaxUnitPrice <= 0))
        {
            errors["candidates"] = ["1 to 10 offers, each with a positive price cap."];
        }
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purchase {Reference} failed over from {Supplier}: {Reason}")]
    private static partial void LogFailedOver(ILogger logger, string supplier, string reference, string? reason);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Purchase {Reference}: {Supplier} order {SupplierOrderId} charged {UnitPrice} a key, above the cap {MaxUnitPrice}; not accepted")]
    private static partial void LogAboveCap(ILogger logger, string supplier, string reference, string? supplierOrderId, decimal? unitPrice, decimal maxUnitPrice);

    public sealed record Candidate(string Supplier, string Sku, decimal MaxUnitPrice);

    public sealed record BuyRequest(string Reference, int Quantity, IReadOnlyList<Candidate> Candidates);

    /// <param name="SupplierOrderId">From an earlier result; null after an unknown (202) result, to look the purchase up by <paramref name="Reference"/>.</param>
    public sealed record StatusRequest(string Supplier, string? SupplierOrderId, string Reference, string Sku, int Quantity, decimal MaxUnitPrice);

    public sealed record Key(string Id, string Value, string ContentType);

    /// <param name="Status"><c>pending</c>, <c>completed</c>, <c>failed</c> or <c>unknown</c> (the supplier may have sold: ask again, buy nowhere else).</param>
    /// <param name="UnitCost">What one key costs at the supplier, in <paramref name="Currency"/>; null until the supplier says.</param>
    /// <param name="Currency">The supplier's currency (EUR for Kinguin, IDR for Digiflazz).</param>
    public sealed record PurchaseResult(
        string? Supplier, string? Sku, string? SupplierOrderId, string Status, IReadOnlyList<Key> Keys, string? Failure, decimal? UnitCost, string? Currency)
    {
        public static PurchaseResult From(ISupplier supplier, string sku, SupplierPurchase purchase) => new(
            supplier.Code, sku, purchase.SupplierOrderId, purchase.Status.ToString().ToLowerInvariant(),
            purchase.Keys.Select(k => new Key(k.Id, k.Value, k.ContentType)).ToList(), purchase.Failure, purchase.UnitPrice, supplier.Currency);
    }
}
