using System.Text.Json;
using Dapper;
using GamesDrop.Contracts.Admin;
using GamesDrop.Kernel.Features.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>
/// An admin makes a user admin or takes the role away (the BFF admits only admins). The rules a store needs hold here,
/// in the change's transaction: no admin takes their own role, the last admin keeps it, and the change is audited.
/// </summary>
public static class AdminRoleApi
{
    public static RouteGroupBuilder MapAdminRole(this RouteGroupBuilder routes)
    {
        routes.MapPut("/users/{id:guid}/admin-role", ChangeAsync).WithTags("Users");
        return routes;
    }

    private static async Task<Results<Ok<UserAccount>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, AdminRoleChange body, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var admins = (await connection.QueryAsync<Guid>(new CommandDefinition(UsersSql.LockAdmins, transaction: transaction, cancellationToken: ct))).ToList();
        var before = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UsersSql.LockById, new { Id = id }, transaction, cancellationToken: ct));
        if (before is null)
        {
            return TypedResults.NotFound();
        }
        if (before.Roles.Contains(UsersApi.Admin) == body.Admin)
        {
            return TypedResults.Ok(before.ToAccount());
        }
        if (!body.Admin && RevokeRefusal(id, body.AdminId, admins) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["admin"] = [refusal] });
        }
        await connection.ExecuteAsync(new CommandDefinition(body.Admin ? UsersSql.GrantRole : UsersSql.RevokeRole,
            new { Id = id, Role = UsersApi.Admin }, transaction, cancellationToken: ct));
        var after = await connection.QuerySingleAsync<UserRow>(new CommandDefinition(UsersSql.ById, new { Id = id }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(AuditSql.Record, new
        {
            ActorId = body.AdminId, ActorEmail = body.AdminEmail, Action = body.Admin ? AuditActions.UserGrantAdmin : AuditActions.UserRevokeAdmin,
            TargetType = AuditActions.User, TargetId = id.ToString("D"), Before = Json(before), After = Json(after),
        }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(after.ToAccount());
    }

    /// <summary>Why the role may not be taken: an admin's own, or the store's last admin's.</summary>
    private static string? RevokeRefusal(Guid target, Guid actor, IReadOnlyCollection<Guid> admins) =>
        target == actor ? "You cannot take your own admin role away; another admin can."
        : admins.Count(a => a != target) == 0 ? "This is the store's last admin: make someone else admin first."
        : null;

    private static string Json(UserRow user) => JsonSerializer.Serialize(new { user.Email, user.Roles }, JsonSerializerOptions.Web);
}
