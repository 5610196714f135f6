using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GamesDrop.Bff.Features.Auth;

/// <summary>
/// Limits on sign-in, registration and reset, per client IP and endpoint (policy <see cref="PerIp"/>) and per normalised
/// email (<see cref="TryAcquireForAccount"/>), each <c>Auth*</c> attempts per <see cref="RateLimitOptions.AuthWindow"/>;
/// and on password changes, per account and per client (<see cref="TryAcquirePasswordChange"/>), each
/// <c>PasswordChangePer*</c> per <see cref="RateLimitOptions.PasswordChangeWindow"/>. A limit slows the caller down and
/// never locks the account. In memory, so per instance; the kernel's lockout is the shared defence for one account.
/// </summary>
public sealed class AuthRateLimits : IDisposable
{
    public const string PerIp = "auth-per-ip";

    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<(Guid User, string? Client)> _passwordChanges;

    public AuthRateLimits(RateLimitOptions limits)
    {
        var perAccount = Options(limits, limits.AuthPerAccount);
        _perAccount = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ => perAccount));
        var window = limits.PasswordChangeWindow;
        var changesPerAccount = new FixedWindowRateLimiterOptions { PermitLimit = limits.PasswordChangePerAccount, Window = window, QueueLimit = 0 };
        var changesPerClient = new FixedWindowRateLimiterOptions { PermitLimit = limits.PasswordChangePerIp, Window = window, QueueLimit = 0 };
        _passwordChanges = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<(Guid User, string? Client), Guid>(c => RateLimitPartition.GetFixedWindowLimiter(c.User, _ => changesPerAccount)),
            PartitionedRateLimiter.Create<(Guid User, string? Client), string>(c => RateLimitPartition.GetFixedWindowLimiter(c.Client ?? "", _ => changesPerClient)));
    }

    public bool TryAcquireForAccount(string email)
    {
        using var lease = _perAccount.AttemptAcquire(email.Trim().ToLowerInvariant());
        return lease.IsAcquired;
    }

    /// <summary>Whether this account may try its current password again from this client, and if not, how long to wait.</summary>
    public (bool Acquired, TimeSpan? RetryAfter) TryAcquirePasswordChange(Guid userId, string? client)
    {
        using var lease = _passwordChanges.AttemptAcquire((userId, client));
        return (lease.IsAcquired, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
    }

    // The client IP is the forwarded one when a trusted proxy sent the request (ServiceDefaults' forwarded headers).
    // Keyed by the matched endpoint, never the raw path: routing ignores case, so each spelling of a path would
    // otherwise get its own allowance.
    public static void AddPolicy(RateLimiterOptions options, RateLimitOptions limits)
    {
        var perIp = Options(limits, limits.AuthPerIp);
        options.AddPolicy(PerIp, http => RateLimitPartition.GetFixedWindowLimiter(
            (http.Connection.RemoteIpAddress?.ToString(), http.GetEndpoint()?.DisplayName), _ => perIp));
    }

    private static FixedWindowRateLimiterOptions Options(RateLimitOptions limits, int permits) => new()
    {
        PermitLimit = permits, Window = limits.AuthWindow, QueueLimit = 0,
    };

    public void Dispose()
    {
        _perAccount.Dispose();
        _passwordChanges.Dispose();
    }
}
