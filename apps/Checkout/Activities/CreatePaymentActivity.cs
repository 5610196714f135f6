using Dapr.Workflow;
using GamesDrop.Checkout.Clients;
using GamesDrop.Checkout.PayPal;

namespace GamesDrop.Checkout.Activities;

/// <summary>
/// Creates the PayPal order for the order's locked total, to be captured at once or, for a held order, only authorised.
/// PayPal's request id is derived from our order id, so a repeat returns the same PayPal order; the kernel records it once.
/// </summary>
public sealed class CreatePaymentActivity(KernelOrderSteps kernel, PayPalClient paypal, CheckoutStoreOptions store)
    : WorkflowActivity<CreatePayment, PaymentStarted>
{
    public override async Task<PaymentStarted> RunAsync(WorkflowActivityContext context, CreatePayment input)
    {
        var orderId = input.OrderId;
        var order = await kernel.GetAsync(orderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {orderId} does not exist.");
        if (order.Payment is { ProviderOrderId: { } known, ApproveUrl: { } approveUrl })
        {
            return new PaymentStarted(known, approveUrl);
        }
        var storeUrl = new Uri(store.PublicUrl);
        var created = await paypal.CreateOrderAsync(orderId, order.Number, order.Total, order.Currency,
            new Uri(storeUrl, $"/checkout/return?order={orderId}").ToString(), new Uri(storeUrl, $"/checkout/cancel?order={orderId}").ToString(),
            $"GamesDrop order {order.Number}", input.AuthorizeOnly, CancellationToken.None);
        await kernel.RecordPaymentAsync(orderId, created.Id, created.ApproveUrl, order.Total, order.Currency, CancellationToken.None);
        return new PaymentStarted(created.Id, created.ApproveUrl);
    }
}

public sealed record CreatePayment(Guid OrderId, bool AuthorizeOnly);

public sealed record PaymentStarted(string PayPalOrderId, string ApproveUrl);
