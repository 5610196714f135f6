using Dapper;
using GamesDrop.Contracts.Admin;
using GamesDrop.Kernel.Features.Keys;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using static GamesDrop.Contracts.Admin.StockUploadOutcomes;

namespace GamesDrop.Kernel.Features.Inventory;

/// <summary>
/// Own-stock inventory for the operations team: counts per product, and CSV uploads of keys with a report per row. Good
/// rows are stored in one transaction, bad ones reported and skipped. Duplicates are found by the vault's keyed
/// fingerprint, so no key is compared, logged or echoed in plaintext.
/// </summary>
public static class InventoryApi
{
    public static RouteGroupBuilder MapInventory(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/admin/inventory").WithTags("Admin");
        group.MapGet("", CountsAsync);
        group.MapPost("/upload", UploadAsync);
        return routes;
    }

    private static async Task<Ok<StockInventory>> CountsAsync(StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var counts = await connection.QueryAsync<StockCount>(new CommandDefinition(
            InventorySql.Counts, new { Threshold = store.LowStockThreshold }, cancellationToken: ct));
        return TypedResults.Ok(new StockInventory(store.LowStockThreshold, counts.ToList()));
    }

    private static async Task<Results<Ok<StockUploadReport>, ValidationProblem>> UploadAsync(
        StockUpload body, KeyVault vault, StoreSettings store, NpgsqlDataSource db, CancellationToken ct)
    {
        var (rows, error) = StockCsv.Parse(body.Csv ?? []);
        if (error is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["csv"] = [error] });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var products = (await connection.QueryAsync<ProductRow>(new CommandDefinition(InventorySql.ProductsBySlug,
            new { Slugs = rows.Select(r => r.Product).Distinct().ToArray() }, transaction, cancellationToken: ct))).ToDictionary(p => p.Slug, p => p.Id);
        var fingerprints = new Dictionary<StockCsvRow, byte[]>();
        foreach (var row in rows.Where(r => r.Problem is null))
        {
            fingerprints[row] = await vault.FingerprintAsync(row.Key, ct);
        }
        var stored = (await connection.QueryAsync<byte[]>(new CommandDefinition(InventorySql.StoredFingerprints,
            new { Fingerprints = fingerprints.Values.ToArray() }, transaction, cancellationToken: ct))).Select(Convert.ToHexString).ToHashSet();

        var outcomes = new Dictionary<StockCsvRow, (string Outcome, string Detail)>();
        var firstLine = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            outcomes[row] = row.Problem is { } problem ? (BadFormat, problem)
                : !products.ContainsKey(row.Product) ? (ProductNotFound, "No product has this slug.")
                : firstLine.TryGetValue(Convert.ToHexString(fingerprints[row]), out var first) ? (DuplicateInFile, $"The same key as line {first}.")
                : stored.Contains(Convert.ToHexString(fingerprints[row])) ? (AlreadyStored, "This key is already in the store.")
                : (Added, "");
            if (outcomes[row].Outcome is Added or AlreadyStored)
            {
                firstLine[Convert.ToHexString(fingerprints[row])] = row.Line;
            }
        }
        await StoreAsync(rows.Where(r => outcomes[r].Outcome == Added).ToList(), products, fingerprints, outcomes, vault, transaction, ct);
        await OwnStockAlerts.RestockedAsync(transaction, store, ct);
        await transaction.CommitAsync(ct);

        var lines = rows.Select(r => new StockUploadRow(r.Line, StockCsv.Inert(r.Product), outcomes[r].Outcome, outcomes[r].Detail)).ToList();
        var added = lines.Count(l => l.Outcome == Added);
        return TypedResults.Ok(new StockUploadReport(lines.Count, added, lines.Count - added, lines));
    }

    // Keys stored by someone else since the check (a concurrent upload or delivery) are skipped by the vault's unique
    // fingerprint; their rows then say so rather than claim an add.
    private static async Task StoreAsync(
        List<StockCsvRow> toAdd, Dictionary<string, long> products, Dictionary<StockCsvRow, byte[]> fingerprints,
        Dictionary<StockCsvRow, (string Outcome, string Detail)> outcomes, KeyVault vault, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var product in toAdd.GroupBy(r => r.Product))
        {
            var added = (await SealedKeys.StoreAsync(vault, transaction, products[product.Key],
                product.Select(r => (r.Key, "text/plain")).ToList(), new KeyProvenance("stock"), ct)).Select(Convert.ToHexString).ToHashSet();
            foreach (var row in product.Where(r => !added.Contains(Convert.ToHexString(fingerprints[r]))))
            {
                outcomes[row] = (AlreadyStored, "This key is already in the store.");
            }
        }
    }

    private sealed record ProductRow(string Slug, long Id);
}
