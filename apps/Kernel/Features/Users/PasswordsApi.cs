using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>Changing a password, and resetting a forgotten one by a mailed one-time token.</summary>
public static class PasswordsApi
{
    private const string InvalidToken = "The link is invalid or has expired; ask for a new one.";

    public static RouteGroupBuilder MapPasswords(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users");
        group.MapPut("/{id}/password", ChangeAsync);
        group.MapPost("/password-resets", RequestResetAsync);
        group.MapPost("/password-resets/confirm", ConfirmResetAsync);
        return routes;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, ChangePassword body, Passwords passwords, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<CredentialsRow>(new CommandDefinition(
            UsersSql.CredentialsById, new { Id = id }, transaction, cancellationToken: ct));
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        if (!passwords.Verify(user.PasswordHash, body.CurrentPassword).Matches)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [nameof(body.CurrentPassword)] = ["The current password is not correct."],
            });
        }
        await connection.ExecuteAsync(new CommandDefinition(
            UsersSql.SetPassword, new { Id = id, PasswordHash = passwords.Hash(body.NewPassword) }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    // Always 202, so the answer never tells whether the email has an account; the token leaves only in the mail event.
    private static async Task<Accepted> RequestResetAsync(
        RequestPasswordReset body, StoreSettings store, NpgsqlDataSource db, IEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            UsersSql.CredentialsByEmail, new { Email = body.Email.Trim() }, transaction, cancellationToken: ct));
        if (user is not null)
        {
            var token = Passwords.NewToken();
            var expiresAt = clock.GetUtcNow() + Passwords.ResetTokenLifetime;
            await connection.ExecuteAsync(new CommandDefinition(UsersSql.AddResetToken,
                new { TokenHash = Passwords.TokenHash(token), UserId = user.Id, ExpiresAt = expiresAt }, transaction, cancellationToken: ct));
            var link = new Uri(store.PublicUrl, "/account/reset-password?token=" + token);
            await events.PublishAsync(Topics.PasswordResetRequested,
                new PasswordResetRequested(user.Email, user.DisplayName, link.ToString(), expiresAt), transaction, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Accepted((string?)null);
    }

    // Answers whose password it was, so the BFF can end that user's sessions.
    private static async Task<Results<Ok<PasswordResetDone>, ValidationProblem>> ConfirmResetAsync(
        ConfirmPasswordReset body, Passwords passwords, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            UsersSql.SpendResetToken, new { TokenHash = Passwords.TokenHash(body.Token) }, transaction, cancellationToken: ct));
        if (userId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(body.Token)] = [InvalidToken] });
        }
        await connection.ExecuteAsync(new CommandDefinition(
            UsersSql.SetPassword, new { Id = userId, PasswordHash = passwords.Hash(body.NewPassword) }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new PasswordResetDone(userId.Value));
    }
}

public sealed record ChangePassword(
    [Required, MaxLength(Passwords.MaxLength)] string CurrentPassword,
    [Required, StringLength(Passwords.MaxLength, MinimumLength = Passwords.MinLength)] string NewPassword);

public sealed record PasswordResetDone(Guid UserId);

public sealed record RequestPasswordReset([Required, MaxLength(254)] string Email);

public sealed record ConfirmPasswordReset(
    [Required, MaxLength(100)] string Token,
    [Required, StringLength(Passwords.MaxLength, MinimumLength = Passwords.MinLength)] string NewPassword);
