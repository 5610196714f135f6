using GamesDrop.Bff.Kernel;
using GamesDrop.Bff.Suppliers;
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
        group.MapGet("/products/{slug}", GetProductAsync);
        return routes;
    }

    // Parameters are declared for the OpenAPI document and for type checks; the kernel validates their ranges.
    private static Task<Results<Ok<KernelSearchResult>, ValidationProblem>> SearchAsync(
        string? q, string? platform, string? region, string? genre, decimal? minPrice, decimal? maxPrice, bool? inStock,
        string? sort, int? page, int? pageSize, HttpRequest request, KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        CachedAsync(cache, "search" + request.QueryString, () => kernel.SearchAsync(request.QueryString, ct));

    private static Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem>> SuggestAsync(
        string? q, HttpRequest request, KernelClient kernel, SearchCache cache, CancellationToken ct) =>
        CachedAsync(cache, "suggest" + request.QueryString, () => kernel.SuggestAsync(request.QueryString, ct));

    private static async Task<Results<Ok<T>, ValidationProblem>> CachedAsync<T>(SearchCache cache, string key, Func<Task<KernelReply<T>>> ask)
        where T : class
    {
        IDictionary<string, string[]>? errors = null;
        var value = await cache.GetOrAddAsync(key, async () =>
        {
            var reply = await ask();
            errors = reply.Errors;
            return reply.Value;
        });
        return errors is not null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(value!);
    }

    // Stale offers are refreshed once, within the suppliers client's short timeout, before the page is answered.
    private static async Task<Results<Ok<ProductPage>, NotFound>> GetProductAsync(
        string slug, KernelClient kernel, SuppliersClient suppliers, CancellationToken ct)
    {
        var product = (await kernel.GetProductAsync(slug, ct)).Value;
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var stale = product.Offers.Where(o => o.Stale).Select(o => new OfferRef(o.Supplier, o.Sku)).ToList();
        if (stale.Count > 0 && await suppliers.RefreshOffersAsync(stale, ct))
        {
            product = (await kernel.GetProductAsync(slug, ct)).Value ?? product;
        }
        return TypedResults.Ok(ProductPage.From(product));
    }
}
