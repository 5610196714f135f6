using System.Net.Http.Json;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the suppliers app; configured with a short timeout, as the refresh hand-off waits on it.</summary>
public sealed partial class SuppliersClient(HttpClient http, ILogger<SuppliersClient> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Asks the suppliers to re-read these offers in the background. Best effort: a suppliers app that is slow, down or
    /// refuses is logged, and the offers stay as the kernel has them until a page asks again.
    /// </summary>
    public async Task RefreshOffersAsync(IReadOnlyList<OfferRef> offers, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("offers/refresh", new { offers }, ct);
            if (!response.IsSuccessStatusCode)
            {
                LogRefreshRefused((int)response.StatusCode);
            }
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            LogRefreshFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suppliers refused the offer refresh with {Status}")]
    private partial void LogRefreshRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Offer refresh request failed; offers stay as the kernel has them")]
    private partial void LogRefreshFailed(Exception e);
}

public sealed record OfferRef(string Supplier, string Sku);
