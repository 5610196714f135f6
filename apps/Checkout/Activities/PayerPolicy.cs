using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// The payer rules, known only once PayPal names who approved: checked before any money is taken or held. The kernel
/// records the check once, so an activity run again reads the same answer.
/// </summary>
internal static class PayerPolicy
{
    /// <summary>Said to the buyer when the payer check stops a payment; which rule stays with the store.</summary>
    public const string RefusedReason = "We could not accept this payment. Nothing was charged.";

    /// <summary>
    /// The outcome that ends the payment when the payer may not pay: refused; or, for an order PayPal would charge at once
    /// (intent CAPTURE), held too, since only an authorised payment can wait for review. Null to go on.
    /// </summary>
    public static async Task<PaymentOutcome?> StopAsync(KernelOrderSteps kernel, Guid orderId, PayPalOrder order, bool chargesAtOnce)
    {
        if (order.PayerId is not { } payerId)
        {
            return null;
        }
        var verdict = await kernel.CheckFraudAsync(orderId, payerId, CancellationToken.None);
        return verdict.Decision == FraudDecisions.Refuse || (chargesAtOnce && verdict.Decision == FraudDecisions.Hold)
            ? new PaymentOutcome(false, false, RefusedReason, OrderStatuses.Cancelled)
            : null;
    }
}
