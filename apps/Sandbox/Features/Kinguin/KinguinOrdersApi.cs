using System.Text.Json.Serialization;
using GamesDrop.Sandbox.Features.Faults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>Placing orders (v2), reading and searching them (v1), downloading their keys (v2).</summary>
internal static class KinguinOrdersApi
{
    public static RouteGroupBuilder MapKinguinOrders(this RouteGroupBuilder kinguin)
    {
        kinguin.MapPost("/v2/order", PlaceAsync);
        kinguin.MapGet("/v1/order/{orderId}", Get);
        kinguin.MapGet("/v1/order", Search);
        kinguin.MapGet("/v2/order/{orderId}/keys", Keys);
        return kinguin;
    }

    private static async Task<Results<Created<KinguinOrderView>, JsonHttpResult<KinguinError>, EmptyHttpResult>> PlaceAsync(
        PlaceOrder request, KinguinOrderBook orders, FaultSwitches switches, TimeProvider clock, HttpContext http)
    {
        var faults = switches.For(Partners.Kinguin);
        if (faults.FailsBeforeSale() && !orders.HasExternalId(request.OrderExternalId))
        {
            return KinguinError.Injected(faults.ErrorStatus).ToResult();
        }
        var (order, error) = orders.Place(request);
        if (order is null)
        {
            return error!.ToResult();
        }
        if (await faults.LosesReplyAsync(http))
        {
            return TypedResults.Empty;
        }
        return faults.FailsAfterSale()
            ? KinguinError.Injected(faults.ErrorStatus).ToResult()
            : TypedResults.Created($"v1/order/{order.OrderId}", KinguinOrderView.From(order, clock.GetUtcNow()));
    }

    private static Results<Ok<KinguinOrderView>, JsonHttpResult<KinguinError>> Get(string orderId, KinguinOrderBook orders, TimeProvider clock) =>
        orders.Find(orderId) is { } order
            ? TypedResults.Ok(KinguinOrderView.From(order, clock.GetUtcNow()))
            : KinguinError.OrderNotFound(orderId).ToResult();

    private static Results<Ok<KinguinOrderSearchResult>, JsonHttpResult<KinguinError>> Search(
        [AsParameters] OrderSearch search, KinguinOrderBook orders, TimeProvider clock)
    {
        if (search.Validate() is { } invalid)
        {
            return invalid.ToResult();
        }
        var now = clock.GetUtcNow();
        var matches = search.Run(orders.Orders, now);
        var page = matches.Skip((search.Page - 1) * search.Limit).Take(search.Limit).Select(o => KinguinOrderView.From(o, now));
        return TypedResults.Ok(new KinguinOrderSearchResult([.. page], matches.Count));
    }

    /// <summary>Only the keys delivered so far; readers page through them again once the order is completed.</summary>
    private static Results<Ok<KinguinKeyView[]>, JsonHttpResult<KinguinError>> Keys(
        string orderId, KinguinOrderBook orders, TimeProvider clock, int page = 1, int limit = 25)
    {
        if (orders.Find(orderId) is not { } order)
        {
            return KinguinError.OrderNotFound(orderId).ToResult();
        }
        if (page < 1 || limit is < 1 or > ProductSearch.MaxLimit)
        {
            return KinguinError.Invalid(page < 1 ? "page" : "limit", $"page must be 1 or more and limit between 1 and {ProductSearch.MaxLimit}.").ToResult();
        }
        var keys = order.Keys.Take(order.DeliveredKeys(clock.GetUtcNow())).Skip((page - 1) * limit).Take(limit);
        return TypedResults.Ok(keys.Select(k => KinguinKeyView.From(k.Line, k.Key)).ToArray());
    }
}

internal sealed record KinguinOrderSearchResult(
    KinguinOrderView[] Results,
    [property: JsonPropertyName("item_count")] int ItemCount);
