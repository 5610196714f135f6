using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Catalog;

/// <summary>The public catalog: search, suggestions and product pages.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/catalog").WithTags("Catalog").AllowAnonymous();
        group.MapGet("/search", SearchAsync);
        group.MapGet("/suggest", SuggestAsync);
        group.MapGet("/home", HomeAsync);
        group.MapGet("/products/{slug}", GetProductAsync);
        // The product page, once shown in a browser, says so: the page's own reads are also made for prefetches and for
        // drawing it again after an action, which are no views. Only a count is kept (FunnelCounter).
        group.MapPost("/products/{slug}/views", ([StringLength(200)] string slug, FunnelCounter funnel) =>
        {
            funnel.ProductViewed();
            return TypedResults.NoContent();
        });
        return routes;
    }

    // Parameters are declared for the OpenAPI document and for type checks; the kernel validates their ranges.
    private static Task<Results<Ok<KernelSearchResult>, ValidationProblem>> SearchAsync(
        string? q, string? platform, string? region, string? genre, decimal? minPrice, decimal? maxPrice, bool? inStock,
        string? sort, int? page, int? pageSize, HttpRequest request, KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        CachedAsync(cache, SearchCache.Key("search", request.Query), () => kernel.SearchAsync(request.QueryString, CancellationToken.None), ct);

    private static Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem>> SuggestAsync(
        string? q, HttpRequest request, KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        CachedAsync(cache, SearchCache.Key("suggest", request.Query), () => kernel.SuggestAsync(request.QueryString, CancellationToken.None), ct);

    // The rows change with prices and sales, not per shopper: one answer serves everyone for the cache's time.
    private static async Task<Ok<KernelHomeRows>> HomeAsync(KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        TypedResults.Ok(await cache.GetOrAddAsync("home", () => kernel.GetHomeRowsAsync(CancellationToken.None)).WaitAsync(ct));

    // The kernel call is shared by every shopper waiting for the same answer, so one leaving does not cancel it
    // (the client's timeout still ends it); each waits with its own token.
    private static async Task<Results<Ok<T>, ValidationProblem>> CachedAsync<T>(
        SearchCache cache, string key, Func<Task<KernelReply<T>>> ask, CancellationToken ct)
        where T : class
    {
        var reply = await cache.GetOrAddAsync(key, ask).WaitAsync(ct);
        return reply.Errors is not null ? TypedResults.ValidationProblem(reply.Errors) : TypedResults.Ok(reply.Value!);
    }

    // The page is answered from the catalog at once; its stale offers are re-read in the background for later views.
    private static async Task<Results<Ok<ProductPage>, NotFound>> GetProductAsync(
        string slug, KernelClient kernel, OfferRefreshRequests refreshes, CancellationToken ct)
    {
        var product = (await kernel.GetProductAsync(slug, ct)).Value;
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        refreshes.Request(product.Offers.Where(o => o.Stale).Select(o => new OfferRef(o.Supplier, o.Sku)));
        return TypedResults.Ok(ProductPage.From(product));
    }
}
