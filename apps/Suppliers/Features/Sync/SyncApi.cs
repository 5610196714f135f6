using GamesDrop.Suppliers.Adapters;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Suppliers.Features.Sync;

public static class SyncApi
{
    /// <summary>Name of the cron input binding in components/; daprd (or the Embedded scheduler) POSTs to it.</summary>
    public const string CronBinding = "supplier-sync";

    public static RouteGroupBuilder MapSync(this RouteGroupBuilder routes)
    {
        routes.MapPost("/" + CronBinding, SyncAll).WithTags("Sync").ExcludeFromDescription();
        var group = routes.MapGroup("/sync").WithTags("Sync");
        group.MapPost("/{supplier}", SyncOne);
        group.MapGet("/progress", (SyncProgress progress) => TypedResults.Ok(progress.All));
        return routes;
    }

    private static Accepted SyncAll(SupplierRegistry registry, SyncQueue queue)
    {
        foreach (var supplier in registry.Enabled)
        {
            queue.Request(supplier.Code, full: false);
        }
        return TypedResults.Accepted("sync/progress");
    }

    private static Results<Accepted, NotFound> SyncOne(string supplier, bool? full, SupplierRegistry registry, SyncQueue queue)
    {
        if (registry.Find(supplier) is null)
        {
            return TypedResults.NotFound();
        }
        queue.Request(supplier, full ?? false);
        return TypedResults.Accepted("progress");
    }
}
