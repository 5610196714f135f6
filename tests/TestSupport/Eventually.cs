namespace GamesDrop.TestSupport;

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; background work (outbox, scheduler) takes its time.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(50);
        }
        return await condition();
    }
}
