using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Notifier.Features.Mail;

/// <summary>
/// What a buyer's mail needs from the kernel and events do not carry: the address (asked when the mail is queued, so it
/// does not travel on the bus) and a fresh receipt link for a guest (its clear token exists only here and in the mail).
/// </summary>
public sealed class KernelBuyers(HttpClient http)
{
    /// <summary>The buyer's address; null when the kernel has no such order.</summary>
    public async Task<string?> EmailAsync(Guid orderId, CancellationToken ct) => (await OrderAsync(orderId, ct))?.Email;

    /// <summary>The order with its buyer (account or guest, address); null when the kernel has no such order.</summary>
    public async Task<CheckoutOrder?> OrderAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await http.GetAsync($"orders/{orderId}", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CheckoutOrder>(ct);
    }

    public async Task<string> MintReceiptLinkAsync(Guid orderId, CancellationToken ct)
    {
        using var response = await http.PostAsync($"orders/{orderId}/receipt-links", null, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ReceiptLink>(ct))!.Token;
    }
}
