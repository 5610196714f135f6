using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Clients;

/// <summary>The suppliers app as the admin pages use it: health per supplier, and syncs started and watched.</summary>
public sealed partial class SuppliersAdmin(HttpClient http, ILogger<SuppliersAdmin> logger)
{
    /// <summary>Null when the suppliers app cannot answer: the page still shows what the kernel knows.</summary>
    public async Task<IReadOnlyList<SupplierHealth>?> HealthAsync(CancellationToken ct)
    {
        try
        {
            return await http.GetFromJsonAsync<List<SupplierHealth>>("supplier-health", ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogHealthUnavailable(e);
            return null;
        }
    }

    /// <summary>Queues a full sync; false when the suppliers app has no adapter for the supplier.</summary>
    public async Task<bool> SyncAsync(string supplier, CancellationToken ct)
    {
        using var response = await http.PostAsync($"sync/{Uri.EscapeDataString(supplier)}?full=true", null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        response.EnsureSuccessStatusCode();
        return true;
    }

    public async Task<IReadOnlyList<SyncStatus>> ProgressAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<List<SyncStatus>>("sync/progress", ct) ?? [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supplier health could not be read; the admin page shows the kernel's view only")]
    private partial void LogHealthUnavailable(Exception e);
}
