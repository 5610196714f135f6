using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Pricing;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Suppliers;

/// <summary>The suppliers registry: who sells keys to the store, whether the store buys from them, and whether they answer.</summary>
public static class SuppliersApi
{
    public const string SupplierCode = "^[a-z][a-z0-9-]{1,31}$";
    public const string SupplierCodeMessage = "A supplier code: lowercase letters, digits and dashes, 2 to 32 long, such as kinguin.";

    public static RouteGroupBuilder MapSuppliers(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/suppliers").WithTags("Suppliers");
        group.MapGet("", ListAsync);
        group.MapPut("/{code}", PutAsync);
        group.MapPut("/{code}/availability", PutAvailabilityAsync);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<Supplier>>> ListAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var suppliers = await connection.QueryAsync<Supplier>(new CommandDefinition(SuppliersSql.All, cancellationToken: ct));
        return TypedResults.Ok<IReadOnlyList<Supplier>>(suppliers.ToList());
    }

    // Enabling or disabling changes which offers can be sold, so prices follow in the same transaction. Without Enabled
    // (a sync registering its supplier) a new supplier is enabled and a known one keeps the admin's choice.
    private static async Task<Ok<Supplier>> PutAsync(
        [RegularExpression(SupplierCode, ErrorMessage = SupplierCodeMessage)] string code,
        PutSupplier body, NpgsqlDataSource db, Repricer repricer, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var wasEnabled = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            SuppliersSql.EnabledByCode, new { Code = code }, transaction, cancellationToken: ct));
        var supplier = await connection.QuerySingleAsync<Supplier>(new CommandDefinition(
            SuppliersSql.Upsert, new { Code = code, body.Name, body.Currency, body.Enabled }, transaction, cancellationToken: ct));
        if (wasEnabled is { } enabled && enabled != supplier.Enabled)
        {
            await repricer.RepriceSupplierAsync(transaction, code, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(supplier);
    }

    // Called when a supplier's circuit opens or closes; its offers stay but stop counting for price and stock meanwhile.
    private static async Task<Results<Ok<Supplier>, ValidationProblem, ProblemHttpResult>> PutAvailabilityAsync(
        [RegularExpression(SupplierCode, ErrorMessage = SupplierCodeMessage)] string code, SupplierAvailability body, NpgsqlDataSource db, Repricer repricer, CancellationToken ct)
    {
        if (body.Supplier != code)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(body.Supplier)] = ["The supplier in the body must be the one in the path."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await connection.QuerySingleOrDefaultAsync<ReachabilityResult>(new CommandDefinition(
            SuppliersSql.SetReachable, new { Code = code, body.Reachable }, transaction, cancellationToken: ct));
        if (result is null)
        {
            return TypedResults.Problem($"Supplier '{code}' is not registered.", statusCode: StatusCodes.Status404NotFound);
        }
        if (result.Changed)
        {
            await repricer.RepriceSupplierAsync(transaction, code, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(result.Supplier);
    }

    private sealed record ReachabilityResult(
        string Code, string Name, string Currency, bool Enabled, bool Reachable, DateTime? ReachableChangedAt, DateTime? LastFullSyncAt, bool Changed)
    {
        public Supplier Supplier => new(Code, Name, Currency, Enabled, Reachable, ReachableChangedAt, LastFullSyncAt);
    }
}

/// <summary>A registered supplier; timestamps are UTC.</summary>
public sealed record Supplier(
    string Code, string Name, string Currency, bool Enabled, bool Reachable, DateTime? ReachableChangedAt, DateTime? LastFullSyncAt);

public sealed record PutSupplier(
    [Required, RegularExpression(@"^[^\u0000]{1,100}$", ErrorMessage = "1 to 100 characters.")] string Name,
    [Required, RegularExpression("^[A-Z]{3}$", ErrorMessage = "An ISO 4217 code in capitals, such as EUR.")] string Currency,
    bool? Enabled = null);
