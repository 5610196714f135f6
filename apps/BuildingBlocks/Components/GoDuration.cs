using System.Globalization;
using System.Text.RegularExpressions;

namespace GamesDrop.BuildingBlocks.Components;

/// <summary>Go's duration strings ("5s", "1m30s", "500ms"), the format of every Dapr time setting.</summary>
public static partial class GoDuration
{
    [GeneratedRegex(@"^(?:(\d+(?:\.\d+)?)(h|m|s|ms|us|µs|ns))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)")]
    private static partial Regex Part();

    public static TimeSpan Parse(string text)
    {
        text = text.Trim();
        if (text == "0")
        {
            return TimeSpan.Zero;
        }
        if (!Whole().IsMatch(text))
        {
            throw new FormatException($"'{text}' is not a Go duration such as 5s, 1m30s or 500ms.");
        }
        var ticks = 0d;
        foreach (Match part in Part().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            ticks += part.Groups[2].Value switch
            {
                "h" => value * TimeSpan.TicksPerHour,
                "m" => value * TimeSpan.TicksPerMinute,
                "s" => value * TimeSpan.TicksPerSecond,
                "ms" => value * TimeSpan.TicksPerMillisecond,
                "us" or "µs" => value * 10,
                _ => value / 100,
            };
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    public static TimeSpan? ParseOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);
}
