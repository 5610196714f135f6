using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Notifier.Features.Sheets;

/// <summary>The kernel's figures of an order (revenue, key costs, sources), for its sales row.</summary>
public sealed class KernelSales(HttpClient http)
{
    public async Task<OrderSales> GetAsync(Guid orderId, CancellationToken ct) =>
        await http.GetFromJsonAsync<OrderSales>($"orders/{orderId}/sales", ct)
        ?? throw new InvalidOperationException($"The kernel has no figures for order {orderId}.");
}
