using System.Text.Json;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>Own-stock keys: counts per product, and CSV uploads read by the kernel into a report per row; each upload is audited.</summary>
public static class AdminInventoryApi
{
    public static RouteGroupBuilder MapAdminInventory(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/inventory");
        group.MapGet("", async (KernelClient kernel, CancellationToken ct) => TypedResults.Ok((await kernel.InventoryAsync(ct)).Value!));
        group.MapPost("/upload", UploadAsync);
        return routes;
    }

    private static async Task<Results<Ok<StockUploadReport>, ValidationProblem>> UploadAsync(
        StockUpload body, HttpContext http, AdminAudit audit, KernelClient kernel, CancellationToken ct)
    {
        if (body.Csv is not { Length: > 0 and <= StockUpload.MaxBytes } || string.IsNullOrWhiteSpace(body.FileName)
            || body.FileName.Length > 200 || body.FileName.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["csv"] = [$"A CSV file of at most {StockUpload.MaxBytes / 1024} KiB, with its name."],
            });
        }
        var answer = await kernel.UploadStockAsync(body, ct);
        if (answer.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var report = answer.Value!;
        // The audit keeps the counts, never a key; the file name only as a label.
        await kernel.RecordAsync(new AuditEntry(http.UserId(), await audit.ActorAsync(http, ct), AuditActions.InventoryUpload,
            AuditActions.Inventory, body.FileName[..Math.Min(body.FileName.Length, 100)], null,
            JsonSerializer.SerializeToElement(new { report.Rows, report.Added, report.Rejected }, JsonSerializerOptions.Web)), ct);
        return TypedResults.Ok(report);
    }
}
