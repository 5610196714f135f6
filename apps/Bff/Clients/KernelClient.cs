using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Clients;

/// <summary>Typed client for the kernel app over service invocation.</summary>
public sealed class KernelClient(HttpClient http)
{
    // The kernel validates catalog queries; its 400 is passed on with the problem's errors.
    private static readonly IReadOnlySet<HttpStatusCode> WithErrors = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest };

    public async Task<IReadOnlyList<KernelCurrencyRate>> GetCurrencyRatesAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<IReadOnlyList<KernelCurrencyRate>>("currency-rates", ct) ?? [];

    /// <summary>The kernel's <see cref="SearchResult"/> as it sent it, for the BFF to pass on without reading it.</summary>
    public Task<KernelAnswer<byte[]>> SearchAsync(SearchParameters search, CancellationToken ct) =>
        KernelCalls.GetBodyAsync(http, "catalog/search" + search.ToQueryString(), WithErrors, ct);

    /// <summary>The kernel's suggested titles as it sent them.</summary>
    public Task<KernelAnswer<byte[]>> SuggestAsync(string? q, CancellationToken ct) =>
        KernelCalls.GetBodyAsync(http, "catalog/suggest" + (q is null ? "" : "?q=" + Uri.EscapeDataString(q)), WithErrors, ct);

    public async Task<HomeRows> GetHomeRowsAsync(CancellationToken ct) =>
        (await http.GetFromJsonAsync<HomeRows>("catalog/home", ct))!;

    public Task<KernelAnswer<KernelProduct>> GetProductAsync(string slug, CancellationToken ct) =>
        KernelCalls.SendAsync<KernelProduct>(http, HttpMethod.Get, "catalog/products/" + Uri.EscapeDataString(slug), null, WithErrors, ct);

    /// <summary>The current listing of each known slug (unknown ones are left out), in one call.</summary>
    public async Task<ProductLookupResult> LookupProductsAsync(IReadOnlyCollection<string> slugs, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("catalog/products/lookup", new { slugs }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ProductLookupResult>(ct))!;
    }

    public async Task AddFunnelCountsAsync(FunnelCounts counts, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("funnel-counts", counts, ct);
        response.EnsureSuccessStatusCode();
    }
}

public sealed record KernelCurrencyRate(string Currency, decimal RateToStore, DateTimeOffset UpdatedAt);
