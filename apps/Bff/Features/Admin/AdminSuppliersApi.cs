using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
using GamesDrop.Contracts.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>
/// Suppliers for the operations team: the kernel's registry joined with its scoreboard and the suppliers app's health, switching a supplier
/// on or off (the kernel reprices), and a full sync started and watched; switches and syncs are audited.
/// </summary>
public static class AdminSuppliersApi
{
    private const string Code = "^[a-z][a-z0-9-]{1,31}$";

    public static RouteGroupBuilder MapAdminSuppliers(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/suppliers");
        group.MapGet("", ListAsync);
        group.MapGet("/sync-progress", async (SuppliersClient suppliers, CancellationToken ct) => TypedResults.Ok(await suppliers.ProgressAsync(ct)));
        group.MapPut("/{code}/enabled", SwitchAsync);
        group.MapPost("/{code}/sync", SyncAsync);
        return routes;
    }

    private static async Task<Ok<List<AdminSupplier>>> ListAsync(KernelClient kernel, SuppliersClient suppliers, CancellationToken ct)
    {
        var registered = kernel.SuppliersAsync(ct);
        var scoreboard = kernel.ScoreboardAsync(ct);
        var health = await suppliers.HealthAsync(ct);
        var scores = (await scoreboard).Value!;
        return TypedResults.Ok((await registered).Value!
            .Select(s => new AdminSupplier(s, health?.FirstOrDefault(h => h.Supplier == s.Code), scores.FirstOrDefault(c => c.Supplier == s.Code)))
            .ToList());
    }

    private static async Task<Results<Ok<RegisteredSupplier>, NotFound>> SwitchAsync(
        [RegularExpression(Code)] string code, SupplierSwitch body, HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct)
    {
        if ((await kernel.SuppliersAsync(ct)).Value!.FirstOrDefault(s => s.Code == code) is not { } before)
        {
            return TypedResults.NotFound();
        }
        var after = await kernel.SwitchSupplierAsync(before, body.Enabled, ct);
        await RecordAsync(http, audit, kernel, body.Enabled ? AuditActions.SupplierEnable : AuditActions.SupplierDisable, code,
            new { before.Enabled }, new { after.Enabled }, ct);
        return TypedResults.Ok(after);
    }

    private static async Task<Results<Accepted, NotFound>> SyncAsync(
        [RegularExpression(Code)] string code, HttpContext http, AdminAudit audit, KernelClient kernel, SuppliersClient suppliers, CancellationToken ct)
    {
        if (!await suppliers.SyncAsync(code, ct))
        {
            return TypedResults.NotFound();
        }
        await RecordAsync(http, audit, kernel, AuditActions.SupplierSync, code, null, new { full = true }, ct);
        return TypedResults.Accepted("sync-progress");
    }

    private static async Task RecordAsync(
        HttpContext http, AdminAudit audit, KernelClient kernel, string action, string code, object? before, object? after, CancellationToken ct) =>
        await kernel.RecordAsync(new AuditEntry(http.UserId(), await audit.ActorAsync(http, ct), action, AuditActions.Supplier, code,
            before is null ? null : JsonSerializer.SerializeToElement(before, JsonSerializerOptions.Web),
            JsonSerializer.SerializeToElement(after, JsonSerializerOptions.Web)), ct);
}
