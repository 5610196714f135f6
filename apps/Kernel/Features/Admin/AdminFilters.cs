namespace GamesDrop.Kernel.Features.Admin;

/// <summary>How the admin lists read their text filters.</summary>
internal static class AdminFilters
{
    /// <summary>An empty or blank filter is no filter.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The admin's text for an ILIKE substring match, taken literally: its wildcards are escaped.</summary>
    public static string? Like(string? value) => Blank(value)?.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
