using System.ComponentModel.DataAnnotations;

namespace GamesDrop.Bff.Features.Funnel;

/// <summary>Section <c>Funnel</c>.</summary>
public sealed class FunnelOptions
{
    public const string Section = "Funnel";

    /// <summary>How often the counts go to the kernel.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReportEvery { get; set; } = TimeSpan.FromSeconds(10);
}
