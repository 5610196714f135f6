using System.Net;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the kernel's orders: placing one from a cart, and the buyer's receipts and keys.</summary>
public sealed class KernelOrders(HttpClient http)
{
    public Task<KernelAnswer<CreatedOrder>> PlaceAsync(CreateOrder order, CancellationToken ct) => SendAsync<CreatedOrder>(HttpMethod.Post, "orders", order, ct);

    public Task<KernelAnswer<CheckoutOrder>> OwnerAsync(Guid orderId, CancellationToken ct) => SendAsync<CheckoutOrder>(HttpMethod.Get, $"orders/{orderId}", null, ct);

    public Task<KernelAnswer<OrderReceipt>> ReceiptAsync(Guid userId, Guid orderId, CancellationToken ct) =>
        SendAsync<OrderReceipt>(HttpMethod.Get, $"users/{userId}/orders/{orderId}", null, ct);

    public Task<KernelAnswer<RevealedKey>> RevealAsync(Guid userId, Guid orderId, long keyId, CancellationToken ct) =>
        SendAsync<RevealedKey>(HttpMethod.Post, $"users/{userId}/orders/{orderId}/keys/{keyId}/reveal", new { }, ct);

    public Task<KernelAnswer<OrderReceipt>> ReceiptByTokenAsync(string token, CancellationToken ct) =>
        SendAsync<OrderReceipt>(HttpMethod.Get, $"receipts/{Uri.EscapeDataString(token)}", null, ct);

    public Task<KernelAnswer<RevealedKey>> RevealByTokenAsync(string token, long keyId, CancellationToken ct) =>
        SendAsync<RevealedKey>(HttpMethod.Post, $"receipts/{Uri.EscapeDataString(token)}/keys/{keyId}/reveal", new { }, ct);

    // A 409 names the lines that can no longer be bought, as a 400 names bad fields.
    private static readonly IReadOnlySet<HttpStatusCode> WithErrors = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest, HttpStatusCode.Conflict };

    private Task<KernelAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        KernelCalls.SendAsync<T>(http, method, path, body, WithErrors, ct);
}
