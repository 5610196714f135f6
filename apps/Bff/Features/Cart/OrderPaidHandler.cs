using Dapr;
using GamesDrop.BuildingBlocks.Actors;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>A paid order empties the cart it was placed from; clearing twice (a redelivered event) changes nothing.</summary>
public static class OrderPaidHandler
{
    public static RouteGroupBuilder MapOrderPaid(this RouteGroupBuilder routes)
    {
        routes.MapPost("/order-paid", ClearAsync).WithTags("Cart").WithSubscription(Topics.OrderPaid);
        return routes;
    }

    private static async Task<Ok> ClearAsync(OrderPaid paid, IActorProxies actors)
    {
        if (paid.CartId is { Length: > 0 } cartId)
        {
            await actors.Create<ICartActor>(CartOwners.ActorType, cartId).ClearAsync();
        }
        return TypedResults.Ok();
    }
}
