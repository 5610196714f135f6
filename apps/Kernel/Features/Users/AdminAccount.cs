using Dapper;
using GamesDrop.BuildingBlocks.Secrets;
using Npgsql;

namespace GamesDrop.Kernel.Features.Users;

/// <summary>
/// Creates the first admin at startup from configuration <c>Admin:Email</c> and secret <see cref="PasswordSecret"/>,
/// so no password is ever in code or config files. An existing account keeps its password and gains the role.
/// </summary>
internal sealed partial class AdminAccount(
    IConfiguration configuration, ISecretStore secrets, Passwords passwords, NpgsqlDataSource db, ILogger<AdminAccount> logger) : IHostedService
{
    public const string PasswordSecret = "admin-password";

    public async Task StartAsync(CancellationToken ct)
    {
        if (configuration["Admin:Email"] is not { Length: > 0 } email)
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
        string[] roles = [UsersApi.Admin, UsersApi.Customer];
        await connection.ExecuteAsync(new CommandDefinition(UsersSql.Create, new
        {
            Id = Guid.CreateVersion7(), Email = email.Trim(), DisplayName = "Admin", PasswordHash = passwords.Hash(password), Roles = roles,
        }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(UsersSql.GrantRoles, new { Email = email.Trim(), Roles = roles }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin:Email is set but secret {Secret} is not available; no admin account was created")]
    private partial void LogNoPassword(string secret);
}
