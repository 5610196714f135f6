namespace GamesDrop.Contracts.Accounts;

/// <summary>A new account, or an unverified one signing in, must prove <paramref name="Email"/>; <paramref name="Link"/> carries the one-time token to mail.</summary>
public sealed record EmailVerificationRequested(string Email, string DisplayName, string Link, DateTimeOffset ExpiresAt);
