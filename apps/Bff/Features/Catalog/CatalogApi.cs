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
    private static async Task<Results<Ok<KernelSearchResult>, ValidationProblem>> SearchAsync(
        string? q, string? platform, string? region, string? genre, decimal? minPrice, decimal? maxPrice, bool? inStock,
        string? sort, int? page, int? pageSize, HttpRequest request, KernelClient kernel, CancellationToken ct)
    {
        var reply = await kernel.SearchAsync(request.QueryString, ct);
        return reply.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(reply.Value!);
    }

    private static async Task<Results<Ok<IReadOnlyList<string>>, ValidationProblem>> SuggestAsync(
        string? q, HttpRequest request, KernelClient kernel, CancellationToken ct)
    {
        var reply = await kernel.SuggestAsync(request.QueryString, ct);
        return reply.Errors is { } errors ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(reply.Value!);
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
