namespace GamesDrop.Sandbox;

internal static class ClockExtensions
{
    /// <summary>Now, to the millisecond: partners' timestamps carry no finer digits, and tests compare them.</summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
