using System.ComponentModel.DataAnnotations;
using System.Net;
using GamesDrop.Bff.Clients;
using GamesDrop.Bff.Sessions;
using GamesDrop.Contracts.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GamesDrop.Bff.Features.Admin;

/// <summary>User accounts for the operations team, and who of them is admin; admin role only.</summary>
public static class AdminUsersApi
{
    public static RouteGroupBuilder MapAdminUsers(this RouteGroupBuilder routes)
    {
        routes.MapGet("/users", ListAsync);
        routes.MapPut("/users/{id:guid}/admin-role", ChangeAdminRoleAsync);
        return routes;
    }

    private static async Task<Results<Ok<KernelUserPage>, ValidationProblem>> ListAsync(
        [StringLength(254)] string? email, [Range(1, 10_000)] int? page, [Range(1, 100)] int? pageSize, HttpRequest request, KernelClient kernel, CancellationToken ct) =>
        AdminArea.Answer(await kernel.ListUsersAsync(request.QueryString, ct));

    // The kernel holds the rules (not one's own role, never the last admin) and audits the change in one transaction; the
    // user's sessions end, since a session keeps the roles of its sign-in: a demoted admin is out at once.
    private static async Task<Results<Ok<KernelUser>, NotFound, ValidationProblem>> ChangeAdminRoleAsync(
        Guid id, AdminRoleRequest body, HttpContext http, AdminAudit audit, KernelClient kernel, SessionStore sessions, CancellationToken ct)
    {
        if (!body.Admin!.Value && id == http.UserId())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["admin"] = ["You cannot take your own admin role away; another admin can."] });
        }
        var answer = await kernel.ChangeAdminRoleAsync(id, new AdminRoleChange(http.UserId(), await audit.ActorAsync(http, ct), body.Admin.Value), ct);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (answer.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await sessions.EndAllOfUserAsync(id, keepId: null, ct);
        return TypedResults.Ok(answer.Value!);
    }
}

/// <param name="Admin">Whether the user holds the admin role afterwards.</param>
public sealed record AdminRoleRequest([Required] bool? Admin);
