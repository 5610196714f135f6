using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// The payer rules, known only once PayPal names who approved: checked before any money is taken or held. The kernel
/// records the fraud check once, so an activity run again reads the same answer; the payer's country is checked against
/// each key's region too, so a key that would not activate there is never paid for.
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
        if (verdict.Decision == FraudDecisions.Refuse || (chargesAtOnce && verdict.Decision == FraudDecisions.Hold))
        {
            return new PaymentOutcome(false, false, RefusedReason, OrderStatuses.Cancelled);
        }
        if (order.PayerCountry is not { } country || !ActivationRegions.IsCountry(country))
        {
            return null;
        }
        var region = await kernel.CheckRegionAsync(orderId, country, CancellationToken.None);
        return region.Fits ? null : new PaymentOutcome(false, false, region.Reason, OrderStatuses.Cancelled);
    }
}
