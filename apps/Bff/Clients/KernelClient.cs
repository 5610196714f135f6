using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the kernel app over service invocation.</summary>
public sealed class KernelClient(HttpClient http)
{
    public async Task<IReadOnlyList<KernelCurrencyRate>> GetCurrencyRatesAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<IReadOnlyList<KernelCurrencyRate>>("currency-rates", ct) ?? [];

    public Task<KernelReply<KernelSearchResult>> SearchAsync(QueryString query, CancellationToken ct) =>
        GetAsync<KernelSearchResult>("catalog/search" + query, ct);

    public Task<KernelReply<IReadOnlyList<string>>> SuggestAsync(QueryString query, CancellationToken ct) =>
        GetAsync<IReadOnlyList<string>>("catalog/suggest" + query, ct);

    public async Task<KernelHomeRows> GetHomeRowsAsync(CancellationToken ct) =>
        (await http.GetFromJsonAsync<KernelHomeRows>("catalog/home", ct))!;

    public Task<KernelReply<KernelProduct>> GetProductAsync(string slug, CancellationToken ct) =>
        GetAsync<KernelProduct>("catalog/products/" + Uri.EscapeDataString(slug), ct);

    /// <summary>The current listing of each known slug (unknown ones are left out), in one call.</summary>
    public async Task<KernelProductLookup> LookupProductsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("catalog/products/lookup", new { slugs }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<KernelProductLookup>(ct))!;
    }

    public async Task AddFunnelCountsAsync(FunnelCounts counts, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("funnel-counts", counts, ct);
        response.EnsureSuccessStatusCode();
    }

    // The kernel validates catalog queries; its 400 and 404 answers are passed on, anything else is a failure.
    private async Task<KernelReply<T>> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return new KernelReply<T>(default, null);
            case HttpStatusCode.BadRequest:
                var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
                return new KernelReply<T>(default, problem?.Errors ?? new Dictionary<string, string[]>());
            default:
                response.EnsureSuccessStatusCode();
                return new KernelReply<T>(await response.Content.ReadFromJsonAsync<T>(ct), null);
        }
    }
}

/// <summary>A kernel answer: the value, or the validation errors of a 400, or neither for a 404.</summary>
public sealed record KernelReply<T>(T? Value, IDictionary<string, string[]>? Errors);

public sealed record KernelCurrencyRate(string Currency, decimal RateToStore, DateTimeOffset UpdatedAt);
