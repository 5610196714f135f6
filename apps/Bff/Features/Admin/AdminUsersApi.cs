using System.ComponentModel.DataAnnotations;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>User accounts for the operations team; admin role only.</summary>
public static class AdminUsersApi
{
    public static RouteGroupBuilder MapAdminUsers(this RouteGroupBuilder routes)
    {
        routes.MapGet("/users", ListAsync);
        return routes;
    }

    private static async Task<Results<Ok<KernelUserPage>, ValidationProblem>> ListAsync(
        [Range(1, 10_000)] int? page, [Range(1, 100)] int? pageSize, HttpRequest request, KernelAccounts kernel, CancellationToken ct) =>
        AdminArea.Answer(await kernel.ListAsync(request.QueryString, ct));
}
