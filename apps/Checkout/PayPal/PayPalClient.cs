// PLACEHOLDER until the paypal branch merges.
namespace GamesDrop.Checkout.PayPal;

public sealed class PayPalClient(HttpClient http)
{
    public Task<PayPalOrderCreated> CreateOrderAsync(Guid orderId, string orderNumber, decimal amount, string currency, Uri returnUrl, Uri cancelUrl, string description, CancellationToken ct) => throw new NotImplementedException(http.ToString());
    public Task<PayPalOrder> GetOrderAsync(string id, CancellationToken ct) => throw new NotImplementedException();
    public Task<PayPalCaptureResult> CaptureOrderAsync(string id, Guid orderId, CancellationToken ct) => throw new NotImplementedException();
    public Task<PayPalRefund> RefundCaptureAsync(string captureId, decimal amount, string currency, string requestId, CancellationToken ct) => throw new NotImplementedException();
    public Task<bool> VerifyWebhookSignatureAsync(IHeaderDictionary headers, string rawBody, string webhookId, CancellationToken ct) => throw new NotImplementedException();
}
public sealed record PayPalOrderCreated(string Id, string Status, Uri ApproveUrl);
public sealed record PayPalOrder(string Id, string Status, string? CaptureId);
public sealed record PayPalCaptureResult(bool Captured, bool NotApproved, string? CaptureId, string? DeclineReason, decimal Amount, string Currency);
public sealed record PayPalRefund(string Id, string Status);
public static class PayPalPlaceholder { public static IServiceCollection AddPayPal(this IServiceCollection s) => s; }
