using Dapper;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>
/// Creates the first admin at startup from <see cref="AdminOptions.Email"/> and secret <see cref="PasswordSecret"/>,
/// so no password is ever in code or config files. An existing account is never promoted: with open registration,
/// whoever registered the address first would otherwise become admin with a password of their choosing.
/// </summary>
internal sealed partial class AdminAccount(
    AdminOptions options, [FromKeyedServices(AppIds.Kernel)] ISecretStore secrets, Passwords passwords, NpgsqlDataSource db, ILogger<AdminAccount> logger) : IHostedService
{
    public const string PasswordSecret = "admin-password";

    public async Task StartAsync(CancellationToken ct)
    {
        if (options.Email is not { Length: > 0 } email)
        {
            return;
        }
        string password;
        try
        {
            password = await secrets.GetAsync(PasswordSecret, ct);
        }
        catch (SecretUnavailableException)
        {
            LogNoPassword(PasswordSecret);
            return;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        string[] roles = [UsersApi.Admin, UsersApi.Customer];
        var created = await connection.ExecuteAsync(new CommandDefinition(UsersSql.Create, new
        {
            Id = id, Email = email.Trim(), DisplayName = "Admin", PasswordHash = passwords.Hash(password), Roles = roles,
        }, transaction, cancellationToken: ct));
        if (created > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(UsersSql.MarkVerified, new { Id = id }, transaction, cancellationToken: ct));
        }
        else if (!(await connection.QueryAsync<string>(new CommandDefinition(UsersSql.RolesByEmail, new { Email = email.Trim() }, transaction, cancellationToken: ct)))
                     .Contains(UsersApi.Admin))
        {
            LogTakenByCustomer();
        }
        await transaction.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin:Email is set but secret {Secret} is not available; no admin account was created")]
    private partial void LogNoPassword(string secret);

    [LoggerMessage(Level = LogLevel.Error, Message = "Admin:Email belongs to an existing customer account, which is not made admin; configure an address nobody registered")]
    private partial void LogTakenByCustomer();
}
