using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// For a held order: checks the payer, then has PayPal hold the approved money without taking it, and records the
/// authorization, which makes the order held until <see cref="AuthorizePayment.ReviewBy"/>. Safe to repeat: an
/// authorization the kernel holds is not asked for again, and PayPal replays or reads back the first.
/// </summary>
public sealed class AuthorizePaymentActivity(KernelOrderSteps kernel, PayPalClient paypal) : WorkflowActivity<AuthorizePayment, PaymentOutcome>
{
    public override async Task<PaymentOutcome> RunAsync(WorkflowActivityContext context, AuthorizePayment input)
    {
        var order = await kernel.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var payment = order.Payment is { ProviderOrderId: not null } p ? p : throw new InvalidOperationException($"Order {input.OrderId} has no payment to authorise.");
        if (payment.AuthorizationId is not null)
        {
            return PaymentOutcome.Done;
        }
        if (await PayerPolicy.StopAsync(kernel, input.OrderId, await paypal.GetOrderAsync(payment.ProviderOrderId!, CancellationToken.None), chargesAtOnce: false) is { } stop)
        {
            return stop;
        }
        PayPalAuthorization? authorization;
        try
        {
            authorization = await paypal.AuthorizeOrderAsync(payment.ProviderOrderId!, input.OrderId, CancellationToken.None);
        }
        catch (PayPalException e) when (e.Issue == PayPalIssues.OrderNotApproved)
        {
            return PaymentOutcome.NotApprovedYet;
        }
        if (authorization is null)
        {
            return PaymentOutcome.Declined(PayPalIssues.InstrumentDeclined);
        }
        await kernel.RecordAuthorizationAsync(input.OrderId, payment.ProviderOrderId!, authorization.Id, input.ReviewBy, CancellationToken.None);
        return PaymentOutcome.Done;
    }
}

/// <param name="ReviewBy">When the review window ends: shown to the buyer, and when the workflow voids if nobody decided.</param>
public sealed record AuthorizePayment(Guid OrderId, DateTimeOffset ReviewBy);
