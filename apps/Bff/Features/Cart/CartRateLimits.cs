using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace GamesDrop.Bff.Features.Cart;

/// <summary>Cart writes per client IP: <c>RateLimits:CartWritesPerIp</c> (default 300) per minute, generous for people, not for scripts.</summary>
public static class CartRateLimits
{
    public const string Writes = "cart-writes";

    public static void AddPolicy(RateLimiterOptions options, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:CartWritesPerIp", 300);
        options.AddPolicy(Writes, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString(),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
