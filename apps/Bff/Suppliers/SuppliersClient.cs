using System.Net.Http.Json;

namespace GamesDrop.Bff.Suppliers;

/// <summary>Typed client for the suppliers app; configured with a short timeout, as a page waits on it.</summary>
public sealed partial class SuppliersClient(HttpClient http, ILogger<SuppliersClient> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Asks the suppliers to re-read these offers now. Best effort: false when the suppliers app is slow, down or
    /// does not offer refreshes, and the page is shown with what the kernel has.
    /// </summary>
    public async Task<bool> RefreshOffersAsync(IReadOnlyList<OfferRef> offers, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("offers/refresh", new { offers }, ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRefreshRefused((int)response.StatusCode);
            }
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogRefreshFailed(e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suppliers refused the offer refresh with {Status}")]
    private partial void LogRefreshRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer refresh failed; showing what the kernel has")]
    private partial void LogRefreshFailed(Exception e);
}

public sealed record OfferRef(string Supplier, string Sku);
