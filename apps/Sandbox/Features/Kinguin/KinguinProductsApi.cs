using System.Text.Json.Serialization;
using GamesDrop.Sandbox.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Product search and lookup (v1 by kinguinId, v2 by productId), regions and balance.</summary>
internal static class KinguinProductsApi
{
    public static RouteGroupBuilder MapKinguinProducts(this RouteGroupBuilder kinguin)
    {
        kinguin.MapGet("/v1/products", Search);
        kinguin.MapGet("/v1/products/{kinguinId:int}", (int kinguinId, DemoCatalog catalog, KinguinStock stock, HttpRequest request) =>
            Found(catalog.ByKinguinId(kinguinId), kinguinId.ToString(), stock, request));
        kinguin.MapGet("/v2/products/{productId}", (string productId, DemoCatalog catalog, KinguinStock stock, HttpRequest request) =>
            Found(catalog.ByProductId(productId), productId, stock, request));
        kinguin.MapGet("/v1/regions", () => TypedResults.Ok(Region.KinguinRegions.Select(r => new KinguinRegion(r.Id, r.Name))));
        kinguin.MapGet("/v1/balance", (KinguinOrderBook orders) => TypedResults.Ok(new KinguinBalance(orders.Balance)));
        return kinguin;
    }

    private static Results<Ok<KinguinSearchResult>, JsonHttpResult<KinguinError>> Search(
        [AsParameters] ProductSearch search, DemoCatalog catalog, KinguinStock stock, HttpRequest request)
    {
        var (matches, error) = search.Run(catalog, stock);
        if (error is not null)
        {
            return error.ToResult();
        }
        var baseUrl = CatalogImages.BaseUrl(request);
        var page = matches.Skip((search.Page - 1) * search.Limit).Take(search.Limit)
            .Select(g => KinguinProduct.From(g, stock.Current(g), baseUrl));
        return TypedResults.Ok(new KinguinSearchResult([.. page], matches.Count));
    }

    private static Results<Ok<KinguinProduct>, JsonHttpResult<KinguinError>> Found(Game? game, string id, KinguinStock stock, HttpRequest request) =>
        game is null
            ? KinguinError.ProductNotFound(id).ToResult()
            : TypedResults.Ok(KinguinProduct.From(game, stock.Current(game), CatalogImages.BaseUrl(request)));
}

internal sealed record KinguinSearchResult(
    KinguinProduct[] Results,
    [property: JsonPropertyName("item_count")] int ItemCount);

internal sealed record KinguinRegion(int Id, string Name);

internal sealed record KinguinBalance(decimal Balance);
