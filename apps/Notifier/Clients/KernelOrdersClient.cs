using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Notifier.Clients;

/// <summary>
/// The notifier's one typed client for the kernel: what mails and sales rows need of an order and events do not carry.
/// The buyer's address (asked when the mail is queued, so it does not travel on the bus), a fresh receipt link for a
/// guest (its clear token exists only here and in the mail), and the order's figures (revenue, key costs, sources).
/// Named for the notifier, as the Embedded host's client factory tells typed clients apart by class name alone.
/// </summary>
public sealed class KernelOrdersClient(HttpClient http)
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

    public async Task<OrderSales> SalesAsync(Guid orderId, CancellationToken ct) =>
        await http.GetFromJsonAsync<OrderSales>($"orders/{orderId}/sales", ct)
        ?? throw new InvalidOperationException($"The kernel has no figures for order {orderId}.");
}
