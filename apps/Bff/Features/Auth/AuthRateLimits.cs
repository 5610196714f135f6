using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GamesDrop.Bff.Features.Auth;

/// <summary>
/// Limits on sign-in, registration and reset, per client IP and endpoint (policy <see cref="PerIp"/>) and per normalised
/// email (<see cref="TryAcquireForAccount"/>), each <c>RateLimits:Auth*</c> attempts per <c>RateLimits:AuthWindow</c>.
/// In memory, so per instance; the kernel's lockout is the shared defence for one account.
/// </summary>
public sealed class AuthRateLimits : IDisposable
{
    public const string PerIp = "auth-per-ip";

    private readonly PartitionedRateLimiter<string> _perAccount;

    public AuthRateLimits(IConfiguration configuration)
    {
        var perAccount = Options(configuration, "RateLimits:AuthPerAccount", 10);
        _perAccount = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(email, _ => perAccount));
    }

    public bool TryAcquireForAccount(string email)
    {
        using var lease = _perAccount.AttemptAcquire(email.Trim().ToLowerInvariant());
        return lease.IsAcquired;
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

    public void Dispose() => _perAccount.Dispose();
}
