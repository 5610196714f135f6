namespace GamesDrop.Kernel.Features.Users;

internal static class UsersSql
{
    private const string Account = """
        u.id AS Id, u.email AS Email, u.display_name AS DisplayName, u.country AS Country,
        array(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS Roles,
        (SELECT max(f.paused_until) FROM sign_in_failures f WHERE f.user_id = u.id AND f.paused_until > now()) AS LockedUntil,
        u.email_verified_at IS NOT NULL AS EmailVerified, u.created_at AS CreatedAt
        """;

    /// <summary>Inserts nothing when the email is taken, whatever its case; returns the new user's roles' rows.</summary>
    public const string Create = """
        WITH inserted AS (
            INSERT INTO users (id, email, display_name, password_hash) VALUES (@Id, @Email, @DisplayName, @PasswordHash)
            ON CONFLICT DO NOTHING
            RETURNING id
        )
        INSERT INTO user_roles (user_id, role) SELECT id, unnest(@Roles::text[]) FROM inserted
        """;

    /// <summary>The configured admin's email proves nothing by being configured, but the operator set it: no mail to confirm.</summary>
    public const string MarkVerified = "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = @Id";

    public const string RolesByEmail = "SELECT r.role FROM users u JOIN user_roles r ON r.user_id = u.id WHERE lower(u.email) = lower(@Email)";

    public const string ById = $"SELECT {Account} FROM users u WHERE u.id = @Id";

    /// <summary>
    /// Locks every admin's role row, so two admins taking each other's role at once are served one after the other and
    /// the second sees the first's change: the store never ends without an admin.
    /// </summary>
    public const string LockAdmins = "SELECT user_id FROM user_roles WHERE role = 'admin' ORDER BY user_id FOR UPDATE";

    public const string LockById = $"SELECT {Account} FROM users u WHERE u.id = @Id FOR UPDATE";

    public const string GrantRole = "INSERT INTO user_roles (user_id, role) VALUES (@Id, @Role) ON CONFLICT DO NOTHING";

    public const string RevokeRole = "DELETE FROM user_roles WHERE user_id = @Id AND role = @Role";

    // Newest first; @Email, when set, is a substring of the address (wildcards escaped by the caller).
    private const string Matching = "(CAST(@Email AS text) IS NULL OR u.email ILIKE '%' || @Email || '%')";

    public const string Page = $"""
        SELECT {Account} FROM users u WHERE {Matching} ORDER BY u.created_at DESC, u.id DESC LIMIT @Limit OFFSET @Offset;
        SELECT count(*) FROM users u WHERE {Matching};
        """;

    public const string UpdateProfile = $"""
        UPDATE users u SET display_name = @DisplayName, updated_at = now() WHERE u.id = @Id
        RETURNING {Account}
        """;

    public const string UpdateCountry = $"""
        UPDATE users u SET country = @Country, updated_at = now() WHERE u.id = @Id
        RETURNING {Account}
        """;

    /// <summary>Locks the row: concurrent wrong guesses must each count.</summary>
    public const string CredentialsByEmail = $"""
        SELECT {Account}, u.password_hash AS PasswordHash FROM users u WHERE lower(u.email) = lower(@Email) FOR UPDATE
        """;

    public const string CredentialsById = $"""
        SELECT {Account}, u.password_hash AS PasswordHash FROM users u WHERE u.id = @Id FOR UPDATE
        """;

    public const string ClientPaused = """
        SELECT EXISTS (SELECT 1 FROM sign_in_failures WHERE user_id = @Id AND client = @Client AND paused_until > now())
        """;

    /// <summary>
    /// Counts a wrong password from @Client; the one that reaches @MaxFailures pauses that client for @PauseFor and starts the
    /// count again. A count a day old starts afresh, and the account's rows a day old go, so the table stays small.
    /// </summary>
    public const string RecordFailure = """
        DELETE FROM sign_in_failures WHERE user_id = @Id AND client <> @Client AND updated_at < now() - interval '1 day'
            AND (paused_until IS NULL OR paused_until < now());
        INSERT INTO sign_in_failures (user_id, client) VALUES (@Id, @Client) ON CONFLICT (user_id, client) DO NOTHING;
        UPDATE sign_in_failures f SET
            failures = CASE WHEN c.n >= @MaxFailures THEN 0 ELSE c.n END,
            paused_until = CASE WHEN c.n >= @MaxFailures THEN now() + @PauseFor ELSE f.paused_until END,
            updated_at = now()
        FROM (SELECT CASE WHEN updated_at < now() - interval '1 day' THEN 1 ELSE failures + 1 END AS n
              FROM sign_in_failures WHERE user_id = @Id AND client = @Client) c
        WHERE f.user_id = @Id AND f.client = @Client
        """;

    /// <summary>Clears only this client's count: the owner signing in must not wipe a guesser's elsewhere.</summary>
    public const string RecordSuccess = """
        DELETE FROM sign_in_failures WHERE user_id = @Id AND client = @Client;
        UPDATE users SET password_hash = coalesce(@NewHash, password_hash), updated_at = now() WHERE id = @Id
        """;

    /// <summary>A new password also lifts every pause: whoever sets it has proven the account is theirs.</summary>
    public const string SetPassword = """
        DELETE FROM sign_in_failures WHERE user_id = @Id;
        UPDATE users SET password_hash = @PasswordHash, updated_at = now() WHERE id = @Id
        """;

    public const string AddResetToken = """
        INSERT INTO password_reset_tokens (token_hash, user_id, expires_at) VALUES (@TokenHash, @UserId, @ExpiresAt)
        """;

    /// <summary>Spends the token if it is unused and unexpired, and every other open token of its user with it.</summary>
    public const string SpendResetToken = """
        WITH spent AS (
            UPDATE password_reset_tokens SET used_at = now()
            WHERE token_hash = @TokenHash AND used_at IS NULL AND expires_at > now()
            RETURNING user_id
        ), others AS (
            UPDATE password_reset_tokens t SET used_at = now()
            FROM spent WHERE t.user_id = spent.user_id AND t.used_at IS NULL AND t.token_hash <> @TokenHash
        )
        SELECT user_id FROM spent
        """;

    public const string AddVerificationToken = """
        INSERT INTO email_verification_tokens (token_hash, user_id, expires_at) VALUES (@TokenHash, @UserId, @ExpiresAt)
        """;

    /// <summary>Spends the token if it is unused and unexpired, with every other open one of its user, and marks the email verified.</summary>
    public const string SpendVerificationToken = """
        WITH spent AS (
            UPDATE email_verification_tokens SET used_at = now()
            WHERE token_hash = @TokenHash AND used_at IS NULL AND expires_at > now()
            RETURNING user_id
        ), others AS (
            UPDATE email_verification_tokens t SET used_at = now()
            FROM spent WHERE t.user_id = spent.user_id AND t.used_at IS NULL AND t.token_hash <> @TokenHash
        )
        UPDATE users u SET email_verified_at = coalesce(u.email_verified_at, now()), updated_at = now()
        FROM spent WHERE u.id = spent.user_id
        RETURNING u.id
        """;

    /// <summary>Links already mailed in the last @Within: a sign-in retried in a loop must not mail-bomb the address.</summary>
    public const string RecentVerificationTokens = """
        SELECT count(*) FROM email_verification_tokens WHERE user_id = @UserId AND created_at > now() - @Within
        """;
}
