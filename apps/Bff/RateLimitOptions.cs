using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Bff;

/// <summary>Section <c>RateLimits</c>: the BFF's per-client and per-account allowances (Features/Auth, Features/Cart).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, registration and reset attempts per client IP and endpoint, per <see cref="AuthWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int AuthPerIp { get; set; } = 10;

    /// <summary>Sign-in, registration and reset attempts per email address, per <see cref="AuthWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int AuthPerAccount { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Password change attempts per account, per <see cref="PasswordChangeWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int PasswordChangePerAccount { get; set; } = 5;

    /// <summary>Password change attempts per client IP, per <see cref="PasswordChangeWindow"/>.</summary>
    [Range(1, int.MaxValue)]
    public int PasswordChangePerIp { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PasswordChangeWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Cart writes per client IP per minute: generous for people, not for scripts.</summary>
    [Range(1, int.MaxValue)]
    public int CartWritesPerIp { get; set; } = 300;
}
