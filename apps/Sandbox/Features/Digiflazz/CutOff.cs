using GamesDrop.Sandbox.Catalog;

namespace GamesDrop.Sandbox.Features.Digiflazz;

/// <summary>A product's daily cut-off window, in WIB (UTC+7) as Digiflazz states it; it may wrap past midnight.</summary>
internal static class CutOff
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static bool Covers(DigiflazzListing listing, DateTimeOffset now)
    {
        var start = TimeOnly.Parse(listing.StartCutOff);
        var end = TimeOnly.Parse(listing.EndCutOff);
        if (start == end)
        {
            return false;
        }
        var local = TimeOnly.FromTimeSpan(now.ToOffset(Wib).TimeOfDay);
        return start < end ? local >= start && local < end : local >= start || local < end;
    }
}
