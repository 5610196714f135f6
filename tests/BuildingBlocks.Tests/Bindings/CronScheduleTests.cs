using GamesDrop.Embedded.Runtime.Bindings;

namespace GamesDrop.BuildingBlocks.Tests.Bindings;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_schedule_repeats_after_its_go_duration() =>
        CronSchedule.Parse("@every 1m30s").Next(Noon).Should().Be(Noon.AddSeconds(90));

    [Fact]
    public void Six_field_cron_has_seconds_first() =>
        CronSchedule.Parse("30 */15 * * * *").Next(Noon).Should().Be(Noon.AddSeconds(30));

    [Fact]
    public void Macros_are_understood() =>
        CronSchedule.Parse("@hourly").Next(Noon).Should().Be(Noon.AddHours(1));

    [Theory]
    [InlineData("@every")]
    [InlineData("@every 0s")]
    [InlineData("@every soon")]
    [InlineData("* * *")]
    public void Malformed_schedules_are_rejected(string schedule) =>
        FluentActions.Invoking(() => CronSchedule.Parse(schedule)).Should().Throw<FormatException>();
}
