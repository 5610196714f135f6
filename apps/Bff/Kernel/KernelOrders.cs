using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http;

namespace GamesDrop.Bff.Kernel;

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

    // The kernel's refusals (400, 404, 409) come back with their problem's errors for the BFF to word; anything else is a failure.
    private async Task<KernelAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest or HttpStatusCode.Conflict:
                var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
                return new KernelAnswer<T>(response.StatusCode, default, problem?.Errors ?? new Dictionary<string, string[]>());
            case HttpStatusCode.NotFound:
                return new KernelAnswer<T>(response.StatusCode, default, null);
            default:
                response.EnsureSuccessStatusCode();
                return new KernelAnswer<T>(response.StatusCode, await response.Content.ReadFromJsonAsync<T>(ct), null);
        }
    }
}
