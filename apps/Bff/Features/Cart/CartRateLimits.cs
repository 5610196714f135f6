using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>Cart writes per client IP: <see cref="RateLimitOptions.CartWritesPerIp"/> per minute.</summary>
public static class CartRateLimits
{
    public const string Writes = "cart-writes";

    public static void AddPolicy(RateLimiterOptions options, RateLimitOptions limits)
    {
        var permits = limits.CartWritesPerIp;
        options.AddPolicy(Writes, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
