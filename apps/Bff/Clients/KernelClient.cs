using System.Net;
using System.Net.Http.Json;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Bff.Clients;

/// <summary>
/// The BFF's one typed client for the kernel, over service invocation; one file per area (catalog here, accounts,
/// orders, claims, staff views), every answer read through <see cref="AppCalls"/> into a <see cref="KernelAnswer{T}"/>.
/// </summary>
public sealed partial class KernelClient(HttpClient http)
{
    // A 400 is passed on with the fields or filters the kernel refused.
    private static readonly IReadOnlySet<HttpStatusCode> WithErrors = new HashSet<HttpStatusCode> { HttpStatusCode.BadRequest };

    private Task<AppAnswer<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct) =>
        AppCalls.SendAsync<T>(http, method, path, body, WithErrors, ct);

    public async Task<IReadOnlyList<KernelCurrencyRate>> GetCurrencyRatesAsync(CancellationToken ct) =>
        await http.GetFromJsonAsync<IReadOnlyList<KernelCurrencyRate>>("currency-rates", ct) ?? [];

    /// <summary>The kernel's <see cref="SearchResult"/> as it sent it, for the BFF to pass on without reading it.</summary>
    public Task<AppAnswer<byte[]>> SearchAsync(SearchParameters search, CancellationToken ct) =>
        AppCalls.GetBodyAsync(http, "catalog/search" + search.ToQueryString(), WithErrors, ct);

    /// <summary>The kernel's suggested titles as it sent them.</summary>
    public Task<AppAnswer<byte[]>> SuggestAsync(string? q, CancellationToken ct) =>
        AppCalls.GetBodyAsync(http, "catalog/suggest" + (q is null ? "" : "?q=" + Uri.EscapeDataString(q)), WithErrors, ct);

    public async Task<HomeRows> GetHomeRowsAsync(CancellationToken ct) =>
        (await http.GetFromJsonAsync<HomeRows>("catalog/home", ct))!;

    public Task<AppAnswer<KernelProduct>> GetProductAsync(string slug, CancellationToken ct) =>
        SendAsync<KernelProduct>(HttpMethod.Get, "catalog/products/" + Uri.EscapeDataString(slug), null, ct);

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
