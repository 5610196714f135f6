using GamesDrop.Suppliers.Adapters;
using Microsoft.Extensions.Options;

namespace GamesDrop.Suppliers.Features.Purchases;

/// <summary>
/// Buys from one supplier and settles what happened. A lost reply (timeout, dropped connection, 5xx) or a transaction the
/// supplier holds in an unexplained state does not count as a failure: the supplier is asked for the purchase by our
/// reference, a few times, and only its "none" lets the caller try another supplier.
/// </summary>
public sealed partial class SupplierBuyer(IOptions<PurchaseOptions> options, TimeProvider time, ILogger<SupplierBuyer> logger)
{
    /// <returns>Bought (pending or completed), failed (nothing made, safe to buy elsewhere), or unknown.</returns>
    public async Task<SupplierPurchase> BuyAsync(ISupplier supplier, PurchaseRequest request, CancellationToken ct)
    {
        string doubt;
        try
        {
            var purchase = await WithinAsync(options.Value.AttemptTimeout, t => supplier.BuyAsync(request, t), ct);
            if (purchase.Status != PurchaseStatus.Unknown)
            {
                return purchase;
            }
            doubt = purchase.Failure ?? "outcome unknown";
        }
        catch (Exception e) when (SupplierFailures.IsRefusal(e))
        {
            return SupplierPurchase.Refused(e.Message);
        }
        catch (Exception e) when (SupplierFailures.LeavesDoubt(e, ct))
        {
            doubt = Describe(e);
        }
        LogInDoubt(supplier.Code, request.Reference, doubt);
        return await CheckAsync(supplier, request, doubt, ct);
    }

    /// <summary>One read of a purchase: by the supplier's order id when known, else by our reference; unknown when the supplier cannot say.</summary>
    public async Task<SupplierPurchase> ReadAsync(ISupplier supplier, PurchaseRequest request, string? supplierOrderId, CancellationToken ct)
    {
        try
        {
            return await WithinAsync(options.Value.CheckTimeout, async t => supplierOrderId is null
                ? await supplier.FindPurchaseAsync(request, t) ?? SupplierPurchase.Refused($"{supplier.Name} has no purchase {request.Reference}.")
                : await supplier.GetPurchaseAsync(request, supplierOrderId, t), ct);
        }
        catch (Exception e) when (SupplierFailures.IsRefusal(e) || SupplierFailures.LeavesDoubt(e, ct))
        {
            return SupplierPurchase.Unknown(Describe(e));
        }
    }

    private async Task<SupplierPurchase> CheckAsync(ISupplier supplier, PurchaseRequest request, string doubt, CancellationToken ct)
    {
        var pause = options.Value.CheckBackoff;
        for (var check = 1; check <= options.Value.Checks; check++)
        {
            await Task.Delay(pause, time, ct);
            pause *= 2;
            var found = await ReadAsync(supplier, request, null, ct);
            if (found.Status != PurchaseStatus.Unknown)
            {
                LogSettled(supplier.Code, request.Reference, found.Status, check);
                return found.Bought ? found : found with { Failure = $"{doubt}; then: {found.Failure}" };
            }
            doubt = found.Failure ?? doubt;
        }
        LogStillUnknown(supplier.Code, request.Reference, options.Value.Checks, doubt);
        return SupplierPurchase.Unknown(doubt);
    }

    private static async Task<T> WithinAsync<T>(TimeSpan limit, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        return await call(timeout.Token);
    }

    private static string Describe(Exception e) => e is OperationCanceledException ? "no answer in time" : e.Message;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purchase {Reference} at {Supplier} has an unknown outcome ({Doubt}); asking the supplier")]
    private partial void LogInDoubt(string supplier, string reference, string doubt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase {Reference} at {Supplier} settled as {Status} by check {Check}")]
    private partial void LogSettled(string supplier, string reference, PurchaseStatus status, int check);

    [LoggerMessage(Level = LogLevel.Error, Message = "Purchase {Reference} at {Supplier} is still unknown after {Checks} checks: {Doubt}")]
    private partial void LogStillUnknown(string supplier, string reference, int checks, string doubt);
}
