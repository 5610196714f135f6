using System.Net;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

// The kernel's orders: placing one from a cart, and the buyer's receipts and keys.
public sealed partial class KernelClient
{
    public Task<AppAnswer<CreatedOrder>> PlaceOrderAsync(CreateOrder order, CancellationToken ct) => SendOrderAsync<CreatedOrder>(HttpMethod.Post, "orders", order, ct);

    public Task<AppAnswer<CheckoutOrder>> GetOrderAsync(Guid orderId, CancellationToken ct) => SendOrderAsync<CheckoutOrder>(HttpMethod.Get, $"orders/{orderId}", null, ct);

    public Task<AppAnswer<OrderReceipt>> ReceiptAsync(Guid userId, Guid orderId, CancellationToken ct) =>
        SendOrderAsync<OrderReceipt>(HttpMethod.Get, $"users/{userId}/orders/{orderId}", null, ct);

    public Task<AppAnswer<RevealedKey>> RevealAsync(Guid userId, Guid orderId, long keyId, CancellationToken ct) =>
        SendOrderAsync<RevealedKey>(HttpMethod.Post, $"users/{userId}/orders/{orderId}/keys/{keyId}/reveal", new { }, ct);

    public Task<AppAnswer<OrderReceipt>> ReceiptByTokenAsync(string token, CancellationToken ct) =>
        SendOrderAsync<OrderReceipt>(HttpMethod.Get, $"receipts/{Uri.EscapeDataString(token)}", null, ct);

    public Task<AppAnswer<RevealedKey>> RevealByTokenAsync(string token, long keyId, CancellationToken ct) =>
        SendOrderAsync<RevealedKey>(HttpMethod.Post, $"receipts/{Uri.EscapeDataString(token)}/keys/{keyId}/reveal", new { }, ct);

    // A 409 names the lines that can no longer be bought, as a 400 names bad fields.
    private static readonly IReadOnlySet<HttpStatusCode> OrderRefusals = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest, HttpStatusCode.Conflict };

    private Task<AppAnswer<T>> SendOrderAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        AppCalls.SendAsync<T>(http, method, path, body, OrderRefusals, ct);
}
