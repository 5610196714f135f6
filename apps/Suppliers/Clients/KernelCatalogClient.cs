using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Suppliers.Clients;

/// <summary>The kernel's catalog API, over service invocation.</summary>
public sealed class KernelCatalogClient(HttpClient http)
{
    /// <summary>Registers the supplier or updates its name and currency; whether the store buys from it stays the admin's choice.</summary>
    public async Task RegisterSupplierAsync(string code, string name, string currency, CancellationToken ct) =>
        (await http.PutAsJsonAsync($"catalog/suppliers/{code}", new { name, currency }, ct)).EnsureSuccessStatusCode();

    public async Task SetReachableAsync(string code, bool reachable, CancellationToken ct) =>
        (await http.PutAsJsonAsync($"catalog/suppliers/{code}/availability", new SupplierAvailability(code, reachable), ct)).EnsureSuccessStatusCode();

    public async Task RecordPurchaseAsync(string supplier, SupplierPurchaseOutcome outcome, CancellationToken ct) =>
        (await http.PostAsJsonAsync($"catalog/suppliers/{supplier}/purchases", outcome, ct)).EnsureSuccessStatusCode();

    public Task<SyncRunStarted> StartRunAsync(StartSyncRun start, CancellationToken ct) => PostAsync<SyncRunStarted>("catalog/sync-runs", start, ct);

    public Task<OfferBatchResult> SendBatchAsync(OfferBatch batch, CancellationToken ct) => PostAsync<OfferBatchResult>("catalog/offers/batch", batch, ct);

    public Task<SyncRun> FinishRunAsync(long id, FinishSyncRun finish, CancellationToken ct) => PostAsync<SyncRun>($"catalog/sync-runs/{id}/finish", finish, ct);

    public async Task<IReadOnlyList<SyncRun>> RunsAsync(string supplier, int limit, CancellationToken ct) =>
        await http.GetFromJsonAsync<List<SyncRun>>($"catalog/sync-runs?supplier={Uri.EscapeDataString(supplier)}&limit={limit}", ct) ?? [];

    public async Task<IReadOnlyList<QuarantinedOffer>> QuarantinedAsync(string supplier, int limit, CancellationToken ct) =>
        await http.GetFromJsonAsync<List<QuarantinedOffer>>($"catalog/offers/quarantined?supplier={Uri.EscapeDataString(supplier)}&limit={limit}", ct) ?? [];

    /// <summary>Applies a pushed change; not applied when the kernel held newer data or does not know the offer.</summary>
    public async Task<ChangeApplied> ApplyChangeAsync(OfferChange change, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("catalog/offers/changes", change, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new ChangeApplied(false, false);
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ChangeApplied>(ct) ?? new ChangeApplied(false, false);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ct) ?? throw new InvalidOperationException($"Kernel answered {path} with no body.");
    }
}

/// <summary>The kernel's answer to a change: applied or not, and contested when it met another state of the same time.</summary>
public sealed record ChangeApplied(bool Applied, bool Contested);
