namespace GamesDrop.Contracts.Accounts;

/// <summary>Someone asked to reset the password of <paramref name="Email"/>; <paramref name="Link"/> carries the one-time token to mail.</summary>
public sealed record PasswordResetRequested(string Email, string DisplayName, string Link, DateTimeOffset ExpiresAt);
