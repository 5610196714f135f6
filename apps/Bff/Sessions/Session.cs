namespace GamesDrop.Bff.Sessions;

/// <summary>
/// A signed-in browser, kept in the BFF's state store under a hash of the random id its cookie carries.
/// Roles are those at sign-in; <paramref name="CsrfToken"/> must come back as a header on every write.
/// </summary>
public sealed record Session(Guid UserId, IReadOnlyList<string> Roles, string CsrfToken, DateTimeOffset CreatedAt);

/// <summary>The session of the current request, set by <see cref="SessionAuthenticationHandler"/>.</summary>
public sealed record CurrentSession(string Id, Session Session);
