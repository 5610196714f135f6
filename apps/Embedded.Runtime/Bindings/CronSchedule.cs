using Cronos;
using GamesDrop.BuildingBlocks.Components;

namespace GamesDrop.Embedded.Runtime.Bindings;

/// <summary>
/// A <c>bindings.cron</c> schedule as Dapr reads it: <c>@every 15m</c>, a macro such as <c>@hourly</c>,
/// or six fields with seconds first.
/// </summary>
public sealed class CronSchedule
{
    private readonly TimeSpan? _every;
    private readonly CronExpression? _cron;

    private CronSchedule(TimeSpan? every, CronExpression? cron)
    {
        _every = every;
        _cron = cron;
    }

    public static CronSchedule Parse(string schedule)
    {
        schedule = schedule.Trim();
        if (schedule.StartsWith("@every ", StringComparison.Ordinal))
        {
            var every = GoDuration.Parse(schedule["@every ".Length..]);
            return every > TimeSpan.Zero
                ? new CronSchedule(every, null)
                : throw new FormatException($"'{schedule}' must repeat after a positive duration.");
        }
        var format = schedule.StartsWith('@') ? CronFormat.Standard : CronFormat.IncludeSeconds;
        return new CronSchedule(null, CronExpression.Parse(schedule, format));
    }

    public DateTimeOffset? Next(DateTimeOffset after) =>
        _every is { } every ? after + every : _cron!.GetNextOccurrence(after, TimeZoneInfo.Utc);
}
