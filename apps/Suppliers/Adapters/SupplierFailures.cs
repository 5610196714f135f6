using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GamesDrop.Suppliers.Adapters;

public static class SupplierFailures
{
    /// <summary>A supplier that refused, failed, timed out or sits behind an open circuit: expected, handled, logged.</summary>
    public static bool IsSupplierFailure(Exception e) =>
        e is SupplierException or HttpRequestException or BrokenCircuitException or TimeoutRejectedException;

    /// <summary>
    /// A failure after which the supplier surely made nothing: it refused the request (4xx, a refusal code), or the
    /// call never left (open circuit). Anything else (timeout, dropped connection, 5xx) may have sold.
    /// </summary>
    public static bool IsRefusal(Exception e) => e is SupplierException { Retryable: false } or BrokenCircuitException;

    /// <summary>A failure of a purchase call that leaves its outcome open; <paramref name="ct"/> is the caller's own token.</summary>
    public static bool LeavesDoubt(Exception e, CancellationToken ct) =>
        !ct.IsCancellationRequested && (IsSupplierFailure(e) || e is OperationCanceledException or JsonException);
}
