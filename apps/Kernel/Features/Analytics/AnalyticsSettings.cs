namespace GamesDrop.Kernel.Features.Analytics;

/// <summary>Configuration section <c>Analytics</c>.</summary>
public sealed class AnalyticsSettings
{
    /// <summary>The IANA zone whose calendar days the sales report counts in (orders at 23:30 UTC fall on the next day in Berlin).</summary>
    public string TimeZone { get; set; } = "UTC";

    public bool IsValid() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) && zone.HasIanaId;
}
