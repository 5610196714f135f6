using System.Net;
using System.Text.Json.Serialization;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Wishlist;

/// <summary>
/// The signed-in shopper's wishlist, products named by slug. The user id comes from the session and the kernel finds
/// items only among that user's, so another shopper's item reads exactly like one that is not there.
/// </summary>
public static class WishlistApi
{
    public static RouteGroupBuilder MapWishlist(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/account/wishlist").WithTags("Wishlist")
            .RequireAuthorization(SessionAuthentication.Customer).AddEndpointFilter<CsrfFilter>();
        group.MapGet("", ListAsync);
        group.MapPut("/{slug}", PutAsync);
        group.MapDelete("/{slug}", DeleteAsync);
        return routes;
    }

    private static async Task<Ok<WishlistPage>> ListAsync(HttpContext http, KernelClient kernel, CancellationToken ct) =>
        TypedResults.Ok(new WishlistPage((await kernel.WishlistAsync(http.UserId(), ct)).Value ?? []));

    private static async Task<Results<Ok<WishlistItem>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string slug, PutWishlistItem body, HttpContext http, KernelClient kernel, CancellationToken ct)
    {
        var answer = await kernel.PutWishlistItemAsync(http.UserId(), slug, body, ct);
        return answer switch
        {
            { Value: { } item } => TypedResults.Ok(item),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors),
            _ => TypedResults.Problem("There is no such product.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string slug, HttpContext http, KernelClient kernel, CancellationToken ct) =>
        (await kernel.DeleteWishlistItemAsync(http.UserId(), slug, ct)).Status == HttpStatusCode.NoContent
            ? TypedResults.NoContent()
            : TypedResults.Problem("That product is not on your wishlist.", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>The target price to watch for; null or left out watches nothing. Unknown fields are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PutWishlistItem(decimal? TargetPrice = null);

public sealed record WishlistPage(IReadOnlyList<WishlistItem> Items);

/// <summary>A wishlist product: price null while no offer sells it; reached when the price is at or below the target.</summary>
public sealed record WishlistItem(
    string Slug, string Title, string Platform, string Region, string? ImageUrl, decimal? Price, string Currency, bool InStock,
    decimal? TargetPrice, bool Reached, DateTimeOffset AddedAt);
