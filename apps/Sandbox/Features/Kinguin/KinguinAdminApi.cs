using System.ComponentModel.DataAnnotations;
using GamesDrop.Sandbox.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Sandbox.Features.Kinguin;

/// <summary>
/// Admin levers on the Kinguin simulator: change an offer the way the market would (and push product.update),
/// and replay a push as a duplicate or out of order, to test that the store keeps the newest <c>updatedAt</c>.
/// </summary>
internal static class KinguinAdminApi
{
    public static RouteGroupBuilder MapKinguinAdmin(this RouteGroupBuilder admin)
    {
        var kinguin = admin.MapGroup("/kinguin");
        kinguin.MapPost("/products/{kinguinId:int}/change", Change);
        kinguin.MapPost("/webhooks/replay", Replay);
        return admin;
    }

    private static Results<Ok<ProductUpdated>, ProblemHttpResult> Change(
        int kinguinId, OfferChange change, DemoCatalog catalog, KinguinStock stock, KinguinWebhooks webhooks)
    {
        if (catalog.ByKinguinId(kinguinId) is not { } game)
        {
            return NotFound($"No Kinguin product {kinguinId}.");
        }
        var offerId = change.OfferId ?? stock.Current(game).Cheapest.FirstOrDefault()?.OfferId ?? game.Kinguin!.Offers[0].OfferId;
        if (game.Kinguin!.Offers.All(o => o.OfferId != offerId))
        {
            return NotFound($"Product {kinguinId} has no offer {offerId}.");
        }
        stock.Change(game, offers => [.. offers.Select(o => o.OfferId != offerId ? o : o with
        {
            Price = change.Price ?? o.Price,
            Qty = change.Qty ?? o.Qty,
            TextQty = o.TextQty == 0 ? 0 : change.Qty ?? o.TextQty,
        })]);
        return TypedResults.Ok(webhooks.ProductChanged(game, stock.Current(game)));
    }

    private static Results<Ok<object>, ProblemHttpResult> Replay(
        ReplayPush replay, DemoCatalog catalog, KinguinStock stock, KinguinOrderBook orders, KinguinWebhooks webhooks, TimeProvider clock)
    {
        var stale = replay.Mode == ReplayPush.Stale;
        if (replay.Event == KinguinWebhooks.ProductUpdate)
        {
            if (!int.TryParse(replay.Id, out var kinguinId) || catalog.ByKinguinId(kinguinId) is not { } game)
            {
                return NotFound($"No Kinguin product {replay.Id}.");
            }
            var current = stock.Current(game);
            // With no earlier state to resend, an hour-old copy of the current one is just as stale.
            var state = !stale ? current : current.Previous ?? current with { UpdatedAt = current.UpdatedAt.AddHours(-1) };
            return TypedResults.Ok<object>(webhooks.ProductChanged(game, state));
        }
        if (orders.Find(replay.Id) is not { } order)
        {
            return NotFound($"No Kinguin order {replay.Id}.");
        }
        var now = clock.GetUtcNow();
        return TypedResults.Ok<object>(stale
            ? webhooks.OrderChanged(order, KinguinOrder.Processing, order.CreatedAt)
            : webhooks.OrderChanged(order, order.Status(now), order.StatusSince(now)));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}

/// <summary>Changes one offer (the cheapest in stock unless named); fields left out stay as they are.</summary>
public sealed record OfferChange(
    string? OfferId,
    [Range(typeof(decimal), "0.01", "100000")] decimal? Price,
    [Range(0, 100_000)] int? Qty);

/// <summary>Pushes <see cref="Event"/> for <see cref="Id"/> (a kinguinId or an orderId) again.</summary>
/// <param name="Mode"><c>duplicate</c> sends the current state again; <c>stale</c> sends an older one with an older updatedAt.</param>
public sealed record ReplayPush(
    [AllowedValues(KinguinWebhooks.ProductUpdate, KinguinWebhooks.OrderStatus)] string Event,
    string Id,
    [AllowedValues(ReplayPush.Duplicate, ReplayPush.Stale)] string Mode = ReplayPush.Duplicate)
{
    public const string Duplicate = "duplicate";
    public const string Stale = "stale";
}
