using GamesDrop.Contracts.Orders;

namespace GamesDrop.Kernel.Features.Orders;

/// <summary>A line's outcome once fulfilment ended: its status and how many keys are sold to it.</summary>
internal sealed record LineOutcome(string Status, int Keys);

/// <summary>Where a paid order ends, from its lines once none is pending.</summary>
internal static class FinalStatus
{
    public static string Of(IReadOnlyList<LineOutcome> lines)
    {
        if (lines.All(l => l.Status == LineStatuses.Fulfilled))
        {
            return OrderStatuses.Completed;
        }
        // A failed line not refunded is money kept for nothing: the order fails so someone looks at it.
        if (lines.Any(l => l.Status == LineStatuses.Failed))
        {
            return OrderStatuses.Failed;
        }
        return lines.Any(l => l.Status == LineStatuses.Fulfilled) ? OrderStatuses.PartiallyRefunded : OrderStatuses.Refunded;
    }
}
