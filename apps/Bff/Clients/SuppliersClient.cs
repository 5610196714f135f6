using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Clients;

/// <summary>
/// The BFF's one typed client for the suppliers app: the offer refresh hand-off pages make, and what the admin pages
/// show (health per supplier, syncs started and watched).
/// </summary>
public sealed partial class SuppliersClient(HttpClient http, ILogger<SuppliersClient> logger)
{
    /// <summary>How long the refresh hand-off waits on the suppliers app; the admin calls wait as long as any call.</summary>
    public static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Asks the suppliers to re-read these offers in the background. Best effort: a suppliers app that is slow, down or
    /// refuses is logged, and the offers stay as the kernel has them until a page asks again.
    /// </summary>
    public async Task RefreshOffersAsync(IReadOnlyList<OfferRef> offers, CancellationToken ct)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(RefreshTimeout);
        try
        {
            using var response = await http.PostAsJsonAsync("offers/refresh", new { offers }, bounded.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogRefreshRefused((int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            LogRefreshFailed(e);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Suppliers refused the offer refresh with {Status}")]
    private partial void LogRefreshRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer refresh request failed; offers stay as the kernel has them")]
    private partial void LogRefreshFailed(Exception e);
}

public sealed record OfferRef(string Supplier, string Sku);
