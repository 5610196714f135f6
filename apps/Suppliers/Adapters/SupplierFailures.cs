using Polly.CircuitBreaker;
using Polly.Timeout;

namespace GamesDrop.Suppliers.Adapters;

public static class SupplierFailures
{
    /// <summary>A supplier that refused, failed, timed out or sits behind an open circuit: expected, handled, logged.</summary>
    public static bool IsSupplierFailure(Exception e) =>
        e is SupplierException or HttpRequestException or BrokenCircuitException or TimeoutRejectedException;
}
