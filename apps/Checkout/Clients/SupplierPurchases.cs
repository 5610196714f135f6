using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Checkout.Clients;

/// <summary>
/// Typed client for the suppliers app's purchases. The suppliers app tries the candidates in turn and fails over only
/// when a purchase has definitely failed; an unknown outcome comes back as pending, to be asked about again.
/// </summary>
public sealed class SupplierPurchases(HttpClient http)
{
    public async Task<SupplierPurchase> BuyAsync(string reference, int quantity, IReadOnlyList<SupplierCandidate> candidates, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("purchases", new
        {
            reference,
            quantity,
            candidates = candidates.Select(c => new { c.Supplier, c.Sku, c.MaxUnitPrice }),
        }, ct);
        return await ReadAsync(response, ct);
    }

    public async Task<SupplierPurchase> StatusAsync(string reference, PendingPurchase pending, int quantity, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("purchases/status", new
        {
            pending.Supplier,
            pending.SupplierOrderId,
            reference,
            pending.Sku,
            quantity,
            pending.MaxUnitPrice,
        }, ct);
        return await ReadAsync(response, ct);
    }

    // 409 is the suppliers app's "every candidate definitely failed", 202 "unknown: ask again"; any other non-2xx is a failure to retry.
    private static async Task<SupplierPurchase> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
        return (await response.Content.ReadFromJsonAsync<SupplierPurchase>(ct))!;
    }
}

public sealed record SupplierPurchase(string? Supplier, string? Sku, string? SupplierOrderId, string Status, IReadOnlyList<SupplierKey> Keys,
    string? Failure, decimal? UnitCost, string? Currency)
{
    /// <summary>
    /// A completed purchase as the kernel stores it: the keys with where they came from and what they cost. A cost the
    /// supplier did not state in full is stored as unknown, never as free, and never holds the keys back.
    /// </summary>
    public DeliverKeys ToDelivery(DateTimeOffset at)
    {
        var (cost, currency) = UnitCost is { } known && Currency is { Length: > 0 } code ? (known, code) : ((decimal?)null, (string?)null);
        return new(Supplier!, SupplierOrderId!, cost, currency, at, [.. Keys.Select(k => new DeliveredKey(k.Value, k.ContentType))]);
    }
}

public sealed record SupplierKey(string Id, string Value, string ContentType);

/// <summary>A purchase the supplier has not finished (or whose outcome is not known yet): what to ask about it by.</summary>
public sealed record PendingPurchase(string Supplier, string? SupplierOrderId, string Sku, decimal MaxUnitPrice);
