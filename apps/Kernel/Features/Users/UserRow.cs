namespace GamesDrop.Kernel.Features.Users;

// Properties, not a positional record: Dapper matches constructors by field type, and text[] reads as Array.
internal class UserRow
{
    public Guid Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public string? Country { get; init; }
    public required string[] Roles { get; init; }
    public DateTime? LockedUntil { get; init; }
    public bool EmailVerified { get; init; }
    public DateTime CreatedAt { get; init; }

    public UserAccount ToAccount() => new(Id, Email, DisplayName, Roles, LockedUntil, EmailVerified, CreatedAt, Country);
}

internal sealed class CredentialsRow : UserRow
{
    public required string PasswordHash { get; init; }
}
