using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using GamesDrop.Contracts.Admin;
using Npgsql;

namespace GamesDrop.Kernel.Features.Admin;

/// <summary>
/// The record of what staff did: the BFF writes one entry per admin action (who, what, which order or setting, before and
/// after) and reads them back filtered. Entries are only added, never changed.
/// </summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/admin/audit").WithTags("Admin");
        group.MapPost("", RecordAsync);
        group.MapGet("", ListAsync);
        return routes;
    }

    private static async Task<Results<NoContent, ValidationProblem>> RecordAsync(AuditEntry body, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AuditActions.All.Contains(body.Action))
        {
            errors["action"] = [$"One of: {string.Join(", ", AuditActions.All)}."];
        }
        if (!AuditActions.TargetTypes.Contains(body.TargetType))
        {
            errors["targetType"] = [$"One of: {string.Join(", ", AuditActions.TargetTypes)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(AuditSql.Record, new
        {
            body.ActorId, body.ActorEmail, body.Action, body.TargetType, body.TargetId, Before = Json(body.Before), After = Json(body.After),
        }, cancellationToken: ct));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AuditPage>> ListAsync(
        [StringLength(254)] string? actor, [StringLength(40)] string? action, [StringLength(20)] string? targetType, [StringLength(100)] string? targetId,
        DateTimeOffset? from, DateTimeOffset? to, [Range(1, 200)] int? page, [Range(1, 100)] int? pageSize, NpgsqlDataSource db, CancellationToken ct)
    {
        var size = pageSize ?? 50;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(AuditSql.Page, new
        {
            Actor = AdminFilters.Like(actor), Action = AdminFilters.Blank(action),
            TargetType = AdminFilters.Blank(targetType), TargetId = AdminFilters.Blank(targetId), From = from?.UtcDateTime, To = to?.UtcDateTime,
            Limit = size, Offset = ((page ?? 1) - 1) * size,
        }, cancellationToken: ct));
        var entries = (await results.ReadAsync<AuditRow>()).Select(r => r.ToEntry()).ToList();
        return TypedResults.Ok(new AuditPage(entries, await results.ReadSingleAsync<long>(), AuditActions.All));
    }

    private static string? Json(JsonElement? value) => value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v ? v.GetRawText() : null;

    private sealed record AuditRow(
        long Id, Guid ActorId, string ActorEmail, string Action, string TargetType, string TargetId, string? Before, string? After, DateTime At)
    {
        public RecordedAuditEntry ToEntry() => new(Id, ActorId, ActorEmail, Action, TargetType, TargetId,
            Before is null ? null : JsonDocument.Parse(Before).RootElement, After is null ? null : JsonDocument.Parse(After).RootElement, At);
    }
}
