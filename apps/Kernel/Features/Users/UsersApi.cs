using System.ComponentModel.DataAnnotations;
using Dapper;
using GamesDrop.BuildingBlocks.PubSub;
using GamesDrop.Contracts;
using GamesDrop.Contracts.Accounts;
using GamesDrop.Kernel.Features.Admin;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>
/// Accounts, the system of record behind the BFF's sessions. Only other apps call these: the BFF has already
/// decided who is signed in, so a user id in the path is trusted here.
/// </summary>
public static class UsersApi
{
    public const string Customer = "customer";
    public const string Admin = "admin";

    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder routes)
    {
        var group = routes.MapGroup("/users").WithTags("Users");
        group.MapPost("", CreateAsync);
        group.MapGet("", ListAsync);
        group.MapPost("/verify-password", VerifyPasswordAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}/profile", PutProfileAsync);
        group.MapPut("/{id}/country", PutCountryAsync);
        return routes;
    }

    // A taken email is a 409 here; the BFF decides what a shopper may learn from it. The owner of the email is
    // mailed instead, in the same transaction, so they hear of it and the one who tried learns nothing.
    private static async Task<Results<Created<UserAccount>, Conflict>> CreateAsync(
        CreateUser body, Passwords passwords, StoreSettings store, IEventPublisher events, TimeProvider clock, NpgsqlDataSource db, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var created = await connection.ExecuteAsync(new CommandDefinition(UsersSql.Create, new
        {
            Id = id, Email = body.Email.Trim(), DisplayName = body.DisplayName.Trim(), PasswordHash = passwords.Hash(body.Password),
            Roles = new[] { Customer },
        }, transaction, cancellationToken: ct));
        if (created == 0)
        {
            var owner = await connection.QuerySingleAsync<UserRow>(new CommandDefinition(
                UsersSql.CredentialsByEmail, new { Email = body.Email.Trim() }, transaction, cancellationToken: ct));
            await events.PublishAsync(Topics.RegistrationAttempted, new RegistrationAttempted(owner.Email, owner.DisplayName,
                new Uri(store.PublicUrl, "/login").ToString(), new Uri(store.PublicUrl, "/account/forgot-password").ToString()), transaction, ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Conflict();
        }
        var user = await connection.QuerySingleAsync<UserRow>(new CommandDefinition(UsersSql.ById, new { Id = id }, transaction, cancellationToken: ct));
        await EmailVerificationApi.RequestAsync(connection, transaction, user, store, events, clock, ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"users/{id}", user.ToAccount());
    }

    private static async Task<Ok<UserPage>> ListAsync(
        [StringLength(254)] string? email, [Range(1, 10_000)] int? page, [Range(1, 100)] int? pageSize, NpgsqlDataSource db, CancellationToken ct)
    {
        var size = pageSize ?? 20;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            UsersSql.Page, new { Email = AdminFilters.Like(email), Limit = size, Offset = ((page ?? 1) - 1) * size }, cancellationToken: ct));
        var users = (await results.ReadAsync<UserRow>()).Select(u => u.ToAccount()).ToList();
        return TypedResults.Ok(new UserPage(users, await results.ReadSingleAsync<long>()));
    }

    // Every refusal is the same 401, whether the email is unknown, this client paused or the password wrong. A pause holds
    // for this account and client only, so guessing from one place never locks the owner out everywhere else.
    private static async Task<Results<Ok<UserAccount>, UnauthorizedHttpResult>> VerifyPasswordAsync(
        VerifyPassword body, Passwords passwords, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<CredentialsRow>(new CommandDefinition(
            UsersSql.CredentialsByEmail, new { Email = body.Email.Trim() }, transaction, cancellationToken: ct));
        if (user is null)
        {
            passwords.VerifyDecoy(body.Password);
            return TypedResults.Unauthorized();
        }
        var (matches, rehashed) = passwords.Verify(user.PasswordHash, body.Password);
        var client = body.Client ?? "";
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(UsersSql.ClientPaused, new { user.Id, Client = client }, transaction, cancellationToken: ct)))
        {
            return TypedResults.Unauthorized();
        }
        if (!matches)
        {
            await connection.ExecuteAsync(new CommandDefinition(UsersSql.RecordFailure,
                new { user.Id, Client = client, Passwords.MaxFailures, Passwords.PauseFor }, transaction, cancellationToken: ct));
            await transaction.CommitAsync(ct);
            return TypedResults.Unauthorized();
        }
        await connection.ExecuteAsync(new CommandDefinition(UsersSql.RecordSuccess, new { user.Id, Client = client, NewHash = rehashed }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(user.ToAccount());
    }

    private static async Task<Results<Ok<UserAccount>, NotFound>> GetAsync(Guid id, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UsersSql.ById, new { Id = id }, cancellationToken: ct));
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user.ToAccount());
    }

    private static async Task<Results<Ok<UserAccount>, NotFound>> PutProfileAsync(
        Guid id, PutProfile body, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            UsersSql.UpdateProfile, new { Id = id, DisplayName = body.DisplayName.Trim() }, cancellationToken: ct));
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user.ToAccount());
    }

    // The country a shopper plays in: checkout refuses keys that would not activate there, before any payment.
    private static async Task<Results<Ok<UserAccount>, NotFound>> PutCountryAsync(
        Guid id, PutCountry body, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            UsersSql.UpdateCountry, new { Id = id, body.Country }, cancellationToken: ct));
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(user.ToAccount());
    }
}

/// <summary>
/// An account as other apps see it: never its password hash. Times are UTC; <c>LockedUntil</c> is when the latest pause of
/// some client's sign-ins on it ends (a sign of guessing), never a lock on the owner.
/// </summary>
public sealed record UserAccount(
    Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTime? LockedUntil, bool EmailVerified, DateTime CreatedAt,
    string? Country = null);

public sealed record UserPage(IReadOnlyList<UserAccount> Items, long Total);

public sealed record CreateUser(
    [Required, EmailAddress, MaxLength(254)] string Email,
    [Required, StringLength(Passwords.MaxLength, MinimumLength = Passwords.MinLength)] string Password,
    [Required, RegularExpression(@"^[^\u0000-\u001f]{1,100}$", ErrorMessage = "1 to 100 characters, no control characters.")] string DisplayName);

/// <param name="Client">Who is signing in, as the caller knows them (the BFF: the client's IP); wrong guesses pause only this client.</param>
public sealed record VerifyPassword(
    [Required, MaxLength(254)] string Email,
    [Required, MaxLength(Passwords.MaxLength)] string Password,
    [MaxLength(100)] string? Client = null);

public sealed record PutProfile(
    [Required, RegularExpression(@"^[^\u0000-\u001f]{1,100}$", ErrorMessage = "1 to 100 characters, no control characters.")] string DisplayName);

/// <param name="Country">ISO 3166 country code in capitals; null clears it.</param>
public sealed record PutCountry(
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "A two-letter country code in capitals, such as DE or US.")] string? Country);
