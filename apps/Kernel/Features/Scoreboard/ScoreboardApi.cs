using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Catalog;
using GamesDrop.Kernel.Features.Suppliers;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Scoreboard;

/// <summary>
/// The supplier scoreboard: the suppliers app reports how each purchase ended, the admin reads the scores, and fulfilment
/// orders its candidates by them (<see cref="Orders.Candidates"/>).
/// </summary>
public static class ScoreboardApi
{
    public static RouteGroupBuilder MapScoreboard(this RouteGroupBuilder routes)
    {
        routes.MapGet("/admin/scoreboard", ScoresAsync).WithTags("Admin");
        routes.MapPost("/catalog/suppliers/{code}/purchases", RecordAsync).WithTags("Suppliers");
        return routes;
    }

    private static async Task<Ok<List<SupplierScore>>> ScoresAsync(ScoreboardSettings scoring, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var scores = await connection.QueryAsync<SupplierScore>(new CommandDefinition(ScoreboardSql.All, new { scoring.Days, scoring.FillRateFloor, scoring.MinPurchases }, cancellationToken: ct));
        return TypedResults.Ok(scores.ToList());
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RecordAsync(
        [RegularExpression(SuppliersApi.SupplierCode, ErrorMessage = SuppliersApi.SupplierCodeMessage)] string code,
        SupplierPurchaseOutcome body, NpgsqlDataSource db, CancellationToken ct)
    {
        if (body.Outcome is not ("fulfilled" or "failed") || string.IsNullOrWhiteSpace(body.Reference) || body.Reference.Length > 64
            || body.Reference.Any(char.IsControl) || body.SecondsToKey is < 0 or > 1e8)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["body"] = ["Outcome fulfilled or failed, a reference of 1 to 64 characters, seconds to key not negative."],
            });
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var recorded = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(ScoreboardSql.RecordPurchase,
            new { Supplier = code, body.Reference, body.Outcome, SecondsToKey = body.SecondsToKey is { } s ? (decimal?)Math.Round((decimal)s, 3) : null },
            cancellationToken: ct));
        return recorded is null ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
