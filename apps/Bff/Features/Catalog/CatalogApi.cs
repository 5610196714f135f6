using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Features.Funnel;
using GamesDrop.Contracts.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Catalog;

/// <summary>The public catalog: search, suggestions and product pages.</summary>
public static class CatalogApi
{
    private const string JsonType = "application/json";

    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/catalog").WithTags("Catalog").AllowAnonymous();
        // The kernel's answers pass through as sent; the document still names their shape for the storefront's types.
        group.MapGet("/search", SearchAsync).Produces<SearchResult>(StatusCodes.Status200OK, JsonType);
        group.MapGet("/suggest", SuggestAsync).Produces<IReadOnlyList<string>>(StatusCodes.Status200OK, JsonType);
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

    // Bound once here (a value of the wrong type is refused at the edge); the kernel checks the ranges.
    private static Task<Results<FileContentHttpResult, ValidationProblem>> SearchAsync(
        [AsParameters] SearchParameters search, KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        PassedOnAsync(cache, SearchCache.SearchKey(search), () => kernel.SearchAsync(search, CancellationToken.None), ct);

    private static Task<Results<FileContentHttpResult, ValidationProblem>> SuggestAsync(
        string? q, KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        PassedOnAsync(cache, SearchCache.SuggestKey(q), () => kernel.SuggestAsync(q, CancellationToken.None), ct);

    // The rows change with prices and sales, not per shopper: one answer serves everyone for the cache's time.
    private static async Task<Ok<HomeRows>> HomeAsync(KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        TypedResults.Ok(await cache.GetOrAddAsync("home", () => kernel.GetHomeRowsAsync(CancellationToken.None)).WaitAsync(ct));

    // The kernel call is shared by every shopper waiting for the same answer, so one leaving does not cancel it
    // (the client's timeout still ends it); each waits with its own token. The body is sent on as the kernel wrote it.
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> PassedOnAsync(
        SearchCache cache, string key, Func<Task<AppAnswer<byte[]>>> ask, CancellationToken ct)
    {
        var answer = await cache.GetOrAddAsync(key, ask).WaitAsync(ct);
        return answer.Errors is not null ? TypedResults.ValidationProblem(answer.Errors) : TypedResults.Bytes(answer.Value!, JsonType);
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
