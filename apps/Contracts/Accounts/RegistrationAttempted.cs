namespace GamesDrop.Contracts.Accounts;

/// <summary>
/// Someone tried to register <paramref name="Email"/>, which already has an account: its owner is told, since the
/// shopper who tried is not (answers never reveal whether an email has an account).
/// </summary>
public sealed record RegistrationAttempted(string Email, string DisplayName, string SignInLink, string ResetLink);
