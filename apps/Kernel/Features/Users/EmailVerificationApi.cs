using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>
/// Proving an account's email by a mailed one-time token. Until then the BFF signs the account in to nothing, so
/// whoever registers someone else's address gets neither that person's orders nor the first admin's account.
/// </summary>
public static class EmailVerificationApi
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

    // One mail per this long at most, however often an unverified account tries to sign in.
    private static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(10);

    private const string InvalidToken = "The link is invalid or has expired; sign in to get a new one.";

    public static RouteGroupBuilder MapEmailVerification(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users");
        group.MapPost("/{id}/email-verifications", ResendAsync);
        group.MapPost("/email-verifications/confirm", ConfirmAsync);
        return routes;
    }

    /// <summary>Stores a new token's hash and publishes the mail with the token in the same transaction.</summary>
    internal static async Task RequestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, UserRow user, StoreSettings store, IEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        var token = Passwords.NewToken();
        var expiresAt = clock.GetUtcNow() + TokenLifetime;
        await connection.ExecuteAsync(new CommandDefinition(UsersSql.AddVerificationToken,
            new { TokenHash = Passwords.TokenHash(token), UserId = user.Id, ExpiresAt = expiresAt }, transaction, cancellationToken: ct));
        var link = new Uri(store.PublicUrl, "/verify-email?token=" + token);
        await events.PublishAsync(Topics.EmailVerificationRequested,
            new EmailVerificationRequested(user.Email, user.DisplayName, link.ToString(), expiresAt), transaction, ct);
    }

    // Always 202: a verified account, or one mailed a moment ago, gets no new mail.
    private static async Task<Results<Accepted, NotFound>> ResendAsync(
        Guid id, StoreSettings store, NpgsqlDataSource db, IEventPublisher events, TimeProvider clock, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<CredentialsRow>(new CommandDefinition(
            UsersSql.CredentialsById, new { Id = id }, transaction, cancellationToken: ct));
        if (user is null)
        {
            return TypedResults.NotFound();
        }
        var recent = await connection.QuerySingleAsync<long>(new CommandDefinition(
            UsersSql.RecentVerificationTokens, new { UserId = id, Within = ResendAfter }, transaction, cancellationToken: ct));
        if (!user.EmailVerified && recent == 0)
        {
            await RequestAsync(connection, transaction, user, store, events, clock, ct);
        }
        await transaction.CommitAsync(ct);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Ok<EmailVerified>, ValidationProblem>> ConfirmAsync(
        ConfirmEmail body, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            UsersSql.SpendVerificationToken, new { TokenHash = Passwords.TokenHash(body.Token) }, cancellationToken: ct));
        return userId is { } id
            ? TypedResults.Ok(new EmailVerified(id))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [nameof(body.Token)] = [InvalidToken] });
    }
}

public sealed record ConfirmEmail([Required, MaxLength(100)] string Token);

public sealed record EmailVerified(Guid UserId);
