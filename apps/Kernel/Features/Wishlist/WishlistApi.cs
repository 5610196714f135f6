using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Wishlist;

/// <summary>
/// A user's wishlist with optional target prices; products are named by slug. Like a user's orders, an item is only
/// ever found among the user's own, so another user's reads exactly like a missing one.
/// </summary>
public static class WishlistApi
{
    public const decimal MaxTargetPrice = 100_000m;

    public static RouteGroupBuilder MapWishlist(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/users/{userId}/wishlist").WithTags("Wishlist");
        group.MapGet("", ListAsync);
        group.MapPut("/{slug}", PutAsync);
        group.MapDelete("/{slug}", DeleteAsync);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<WishlistItem>>> ListAsync(
        Guid userId, StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var items = await connection.QueryAsync<WishlistItem>(new CommandDefinition(
            WishlistSql.ByUser, new { UserId = userId, store.Currency }, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<WishlistItem>>(items.ToList());
    }

    private static async Task<Results<Ok<WishlistItem>, ValidationProblem, ProblemHttpResult>> PutAsync(
        Guid userId, string slug, PutWishlistItem body, StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        if (body.TargetPrice is { } target && (target <= 0 || target > MaxTargetPrice || decimal.Round(target, 2) != target))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(body.TargetPrice)] = [$"A price above 0 and at most {MaxTargetPrice:0}, in cents."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(WishlistSql.Put,
            new { UserId = userId, Slug = slug, body.TargetPrice, store.Currency, WishlistSql.MaxItems }, transaction, cancellationToken: ct));
        var userKnown = (await results.ReadAsync<Guid>()).Any();
        var productKnown = (await results.ReadAsync<long>()).Any();
        var written = (await results.ReadAsync<long>()).Any();
        var item = await results.ReadSingleOrDefaultAsync<WishlistItem>();
        if (!userKnown || !productKnown)
        {
            return TypedResults.Problem($"There is no product '{slug}'.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!written)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Items"] = [$"A wishlist holds at most {WishlistSql.MaxItems} products; remove one first."],
            });
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(item!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid userId, string slug, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            WishlistSql.Delete, new { UserId = userId, Slug = slug }, cancellationToken: ct));
        return deleted == 0
            ? TypedResults.Problem($"'{slug}' is not on the wishlist.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.NoContent();
    }
}

/// <summary>What to set on a wishlist item; no target means no price alert. Unknown fields are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PutWishlistItem(decimal? TargetPrice = null);

/// <summary>A product on a wishlist as the shopper sees it: price null while it cannot be bought; times are UTC.</summary>
public sealed record WishlistItem(
    string Slug, string Title, string Platform, string Region, string? ImageUrl, decimal? Price, string Currency, bool InStock,
    decimal? TargetPrice, bool Reached, DateTime AddedAt);
