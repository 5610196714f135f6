using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Orders;

namespace GamesDrop.Bff.Clients;

// The kernel's staff views: orders with their provenance, system settings, own-stock inventory, suppliers and their
// scoreboard, and the audit of admin actions.
public sealed partial class KernelClient
{
    public Task<AppAnswer<AdminOrderPage>> AdminOrdersAsync(QueryString query, CancellationToken ct) =>
        SendAsync<AdminOrderPage>(HttpMethod.Get, "admin/orders" + query, null, ct);

    public Task<AppAnswer<AdminOrder>> AdminOrderAsync(Guid orderId, CancellationToken ct) =>
        SendAsync<AdminOrder>(HttpMethod.Get, $"admin/orders/{orderId}", null, ct);

    /// <summary>The key in clear, logged as shown to <paramref name="adminId"/>; Value is null when the order has no such sold key.</summary>
    public Task<AppAnswer<RevealedKey>> RevealKeyAsync(Guid orderId, long keyId, Guid adminId, CancellationToken ct) =>
        SendAsync<RevealedKey>(HttpMethod.Post, $"admin/orders/{orderId}/keys/{keyId}/reveal", new AdminKeyReveal(adminId), ct);

    /// <summary>Status 404 (no such line), 409 (the line takes no keys, or the vault has one of them), 400 with errors, or 200.</summary>
    public Task<AppAnswer<ManualFulfilment>> FulfilByHandAsync(Guid orderId, long lineId, ManualKeys keys, CancellationToken ct) =>
        SendAsync<ManualFulfilment>(HttpMethod.Post, $"admin/orders/{orderId}/lines/{lineId}/manual-keys", keys, ct);

    public Task<AppAnswer<SettingsView>> SettingsAsync(CancellationToken ct) => SendAsync<SettingsView>(HttpMethod.Get, "settings", null, ct);

    /// <summary>Status 400 with the fields the kernel refused, or 200 with the settings now in force.</summary>
    public Task<AppAnswer<SettingsView>> ChangeSettingsAsync(SettingsChange change, CancellationToken ct) =>
        SendAsync<SettingsView>(HttpMethod.Put, "settings", change, ct);

    /// <summary>Status 400 with errors (a malformed code, the store currency at another rate than 1), or 200 with the rate stored.</summary>
    public Task<AppAnswer<CurrencyRateSetting>> PutRateAsync(string currency, decimal rateToStore, CancellationToken ct) =>
        SendAsync<CurrencyRateSetting>(HttpMethod.Put, $"currency-rates/{Uri.EscapeDataString(currency)}", new { rateToStore }, ct);

    public Task<AppAnswer<AuditPage>> AuditAsync(QueryString query, CancellationToken ct) =>
        SendAsync<AuditPage>(HttpMethod.Get, "admin/audit" + query, null, ct);

    public Task<AppAnswer<StockInventory>> InventoryAsync(CancellationToken ct) =>
        SendAsync<StockInventory>(HttpMethod.Get, "admin/inventory", null, ct);

    public Task<AppAnswer<StockUploadReport>> UploadStockAsync(StockUpload upload, CancellationToken ct) =>
        SendAsync<StockUploadReport>(HttpMethod.Post, "admin/inventory/upload", upload, ct);

    public Task<AppAnswer<List<RegisteredSupplier>>> SuppliersAsync(CancellationToken ct) =>
        SendAsync<List<RegisteredSupplier>>(HttpMethod.Get, "catalog/suppliers", null, ct);

    public Task<AppAnswer<List<SupplierScore>>> ScoreboardAsync(CancellationToken ct) =>
        SendAsync<List<SupplierScore>>(HttpMethod.Get, "admin/scoreboard", null, ct);

    public async Task<RegisteredSupplier> SwitchSupplierAsync(RegisteredSupplier supplier, bool enabled, CancellationToken ct) =>
        (await SendAsync<RegisteredSupplier>(HttpMethod.Put, $"catalog/suppliers/{supplier.Code}",
            new { supplier.Name, supplier.Currency, Enabled = enabled }, ct)).Value!;

    public Task<AppAnswer<SalesReport>> SalesReportAsync(QueryString query, CancellationToken ct) =>
        SendAsync<SalesReport>(HttpMethod.Get, "admin/analytics" + query, null, ct);

    public async Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        var answer = await SendAsync<object>(HttpMethod.Post, "admin/audit", entry, ct);
        if (answer.Errors is not null)
        {
            throw new InvalidOperationException($"The kernel refused an audit entry: {string.Join("; ", answer.Errors.Keys)}.");
        }
    }
}
