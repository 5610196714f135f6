using GamesDrop.Suppliers.Adapters;
using GamesDrop.Suppliers.Features.Health;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Purchases;

/// <summary>
/// Buys keys for one order line: the caller lists candidate offers cheapest first; each is tried in turn,
/// skipping suppliers that look down, until one accepts. A purchase may come back pending; its status
/// (and keys as they arrive) is read again with the same request. Keys are returned, never logged.
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

    private static async Task<Results<Ok<PurchaseResult>, Conflict<PurchaseResult>, ValidationProblem>> BuyAsync(
        BuyRequest request, SupplierRegistry registry, SupplierMonitor monitor, PurchaseMetrics metrics, ILoggerFactory logs, CancellationToken ct)
    {
        if (Validate(request) is { } problem)
        {
            return problem;
        }
        var failures = new List<string>();
        foreach (var candidate in request.Candidates)
        {
            if (registry.Find(candidate.Supplier) is not { } supplier || !monitor.LooksReachable(supplier))
            {
                failures.Add($"{candidate.Supplier}: unavailable");
                continue;
            }
            var purchase = new PurchaseRequest(request.Reference, candidate.Sku, request.Quantity, candidate.MaxUnitPrice);
            try
            {
                var result = await supplier.BuyAsync(purchase, ct);
                metrics.Attempted(supplier.Code, result.SupplierOrderId);
                if (result.Status == PurchaseStatus.Failed)
                {
                    metrics.Failed(supplier.Code, result.SupplierOrderId);
                    failures.Add($"{supplier.Code}: {result.Failure}");
                    continue;
                }
                if (result.Status == PurchaseStatus.Completed)
                {
                    metrics.Fulfilled(supplier.Code, result.SupplierOrderId);
                }
                return TypedResults.Ok(PurchaseResult.From(supplier.Code, candidate.Sku, result));
            }
            catch (Exception e) when (SupplierFailures.IsSupplierFailure(e))
            {
                metrics.Refused(supplier.Code);
                LogFailedOver(logs.CreateLogger(typeof(PurchasesApi)), supplier.Code, request.Reference, e.Message);
                failures.Add($"{supplier.Code}: {e.Message}");
            }
        }
        return TypedResults.Conflict(new PurchaseResult(null, null, null, "failed", [], string.Join("; ", failures)));
    }

    private static async Task<Results<Ok<PurchaseResult>, NotFound, ValidationProblem>> StatusAsync(
        StatusRequest request, SupplierRegistry registry, PurchaseMetrics metrics, CancellationToken ct)
    {
        if (registry.Find(request.Supplier) is not { } supplier)
        {
            return TypedResults.NotFound();
        }
        if (request.Quantity is < 1 or > 10)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quantity"] = ["Between 1 and 10."] });
        }
        var result = await supplier.GetPurchaseAsync(
            new PurchaseRequest(request.Reference, request.Sku, request.Quantity, request.MaxUnitPrice), request.SupplierOrderId, ct);
        if (result.Status == PurchaseStatus.Completed)
        {
            metrics.Fulfilled(supplier.Code, result.SupplierOrderId);
        }
        else if (result.Status == PurchaseStatus.Failed)
        {
            metrics.Failed(supplier.Code, result.SupplierOrderId);
        }
        return TypedResults.Ok(PurchaseResult.From(supplier.Code, request.Sku, result));
    }

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
    private static partial void LogFailedOver(ILogger logger, string supplier, string reference, string reason);

    public sealed record Candidate(string Supplier, string Sku, decimal MaxUnitPrice);

    public sealed record BuyRequest(string Reference, int Quantity, IReadOnlyList<Candidate> Candidates);

    public sealed record StatusRequest(string Supplier, string SupplierOrderId, string Reference, string Sku, int Quantity, decimal MaxUnitPrice);

    public sealed record Key(string Id, string Value, string ContentType);

    public sealed record PurchaseResult(string? Supplier, string? Sku, string? SupplierOrderId, string Status, IReadOnlyList<Key> Keys, string? Failure)
    {
        public static PurchaseResult From(string supplier, string sku, SupplierPurchase purchase) => new(
            supplier, sku, purchase.SupplierOrderId, purchase.Status.ToString().ToLowerInvariant(),
            purchase.Keys.Select(k => new Key(k.Id, k.Value, k.ContentType)).ToList(), purchase.Failure);
    }
}
