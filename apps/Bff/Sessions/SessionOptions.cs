using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Bff.Sessions;

/// <summary>Section <c>Sessions</c>: how long a sign-in lasts.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>A session unused this long ends.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session ends this long after sign-in, however much it is used.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(7);
}
