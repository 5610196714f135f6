using Dapper;
using GamesDrop.Contracts.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Keys;

/// <summary>Own stock: keys the store bought in bulk, sealed into the vault and sold before any supplier is asked.</summary>
public static class StockKeysApi
{
    public const int MaxKeys = 1000;

    public static RouteGroupBuilder MapStockKeys(this RouteGroupBuilder routes)
    {
        routes.MapPost("/stock/keys", AddAsync).WithTags("Stock");
        return routes;
    }

    // Errors name positions, never values: a key must not reach a response body or a log.
    private static async Task<Results<Ok<AddedStockKeys>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AddStockKeys body, KeyVault vault, StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Slug))
        {
            errors["slug"] = ["A product slug."];
        }
        if (body.Keys is null || body.Keys.Count is 0 or > MaxKeys)
        {
            errors["keys"] = [$"Between 1 and {MaxKeys} keys."];
        }
        else if (body.Keys.Select((k, i) => (k, i)).Where(x => string.IsNullOrWhiteSpace(x.k) || x.k.Length > KeyVault.MaxKeyLength).Select(x => x.i).ToList()
                 is { Count: > 0 } bad)
        {
            errors["keys"] = [$"Keys at positions {string.Join(", ", bad)} are empty or longer than {KeyVault.MaxKeyLength} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var productId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            KeyVaultSql.ProductBySlug, new { body.Slug }, transaction, cancellationToken: ct));
        if (productId is null)
        {
            return TypedResults.Problem($"There is no product '{body.Slug}'.", statusCode: StatusCodes.Status404NotFound);
        }
        var added = (await SealedKeys.StoreAsync(vault, transaction, productId.Value,
            body.Keys!.Select(k => (k.Trim(), "text/plain")).ToList(), new KeyProvenance("stock"), ct)).Count;
        await OwnStockAlerts.RestockedAsync(transaction, store, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new AddedStockKeys(added, body.Keys!.Count - added));
    }
}
