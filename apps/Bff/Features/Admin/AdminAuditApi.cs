using GamesDrop.Bff.Clients;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>What staff did, newest first, filtered by actor, action, date and target (the kernel validates the filters).</summary>
public static class AdminAuditApi
{
    public static RouteGroupBuilder MapAdminAudit(this RouteGroupBuilder routes)
    {
        routes.MapGet("/audit", async (HttpRequest request, KernelClient kernel, CancellationToken ct) =>
            AdminArea.Answer(await kernel.AuditAsync(request.QueryString, ct)));
        return routes;
    }
}
