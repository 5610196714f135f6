using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GamesDrop.Bff.Features.Auth;

/// <summary>
/// Limits on sign-in, registration and reset, per client IP and endpoint (policy <see cref="PerIp"/>) and per normalised
/// email (<see cref="TryAcquireForAccount"/>), each <c>RateLimits:Auth*</c> attempts per <c>RateLimits:AuthWindow</c>;
/// and on password changes, per account and per client (<see cref="TryAcquirePasswordChange"/>), each
/// <c>RateLimits:PasswordChangePer*</c> per <c>RateLimits:PasswordChangeWindow</c>. A limit slows the caller down and
/// never locks the account. In memory, so per instance; the kernel's lockout is the shared defence for one account.
/// </summary>
public sealed class AuthRateLimits : IDisposable
{
    public const string PerIp = "auth-per-ip";

    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly PartitionedRateLimiter<(Guid User, string? Client)> _passwordChanges;

    public AuthRateLimits(IConfiguration configuration)
    {
        var perAccount = Options(configuration, "RateLimits:AuthPerAccount", 10);
        _perAccount = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ => perAccount));
        var window = configuration.GetValue("RateLimits:PasswordChangeWindow", TimeSpan.FromMinutes(15));
        var changesPerAccount = new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimits:PasswordChangePerAccount", 5), Window = window, QueueLimit = 0,
        };
        var changesPerClient = new FixedWindowRateLimiterOptions
        {
            PermitLimit = configuration.GetValue("RateLimits:PasswordChangePerIp", 20), Window = window, QueueLimit = 0,
        };
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
    public static void AddPolicy(RateLimiterOptions options, IConfiguration configuration)
    {
        var perIp = Options(configuration, "RateLimits:AuthPerIp", 10);
        options.AddPolicy(PerIp, http => RateLimitPartition.GetFixedWindowLimiter(
            (http.Connection.RemoteIpAddress?.ToString(), http.GetEndpoint()?.DisplayName), _ => perIp));
    }

    private static FixedWindowRateLimiterOptions Options(IConfiguration configuration, string key, int defaultPermits) => new()
    {
        PermitLimit = configuration.GetValue(key, defaultPermits),
        Window = configuration.GetValue("RateLimits:AuthWindow", TimeSpan.FromMinutes(1)),
        QueueLimit = 0,
    };

    public void Dispose()
    {
        _perAccount.Dispose();
        _passwordChanges.Dispose();
    }
}
