using System.Text;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace GamesDrop.BuildingBlocks.Tests.Actors;

public interface ICounterActor : IActor
{
    Task<int> AddAsync(int amount);
    Task<int> GetAsync();
    Task FailAfterWritingAsync();
    Task RemindAsync(TimeSpan due);
    Task<IReadOnlyList<string>> FiredAsync();
}

/// <summary>An actor that makes lost updates, saved failures and missed reminders easy to see.</summary>
public sealed class CounterActor : Actor, ICounterActor, IRemindable
{
    public CounterActor(ActorHost host, IActorStateManager? stateManager = null)
        : base(host)
    {
        if (stateManager is not null)
        {
            StateManager = stateManager;
        }
    }

    public async Task<int> AddAsync(int amount)
    {
        var count = await GetAsync();
        // Gives a second call the chance to interleave if turns were not enforced.
        await Task.Delay(1);
        await StateManager.SetStateAsync("count", count + amount);
        return count + amount;
    }

    public async Task<int> GetAsync() => (await StateManager.TryGetStateAsync<int>("count")) is { HasValue: true } c ? c.Value : 0;

    public async Task FailAfterWritingAsync()
    {
        await StateManager.SetStateAsync("count", 999);
        throw new InvalidOperationException("Failed after writing.");
    }

    public Task RemindAsync(TimeSpan due) => RegisterReminderAsync("ping", Encoding.UTF8.GetBytes("hello"), due, TimeSpan.FromMilliseconds(-1));

    public async Task<IReadOnlyList<string>> FiredAsync() =>
        (await StateManager.TryGetStateAsync<List<string>>("fired")) is { HasValue: true } f ? f.Value : [];

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        var fired = (await FiredAsync()).ToList();
        fired.Add($"{reminderName}:{Encoding.UTF8.GetString(state)}");
        await StateManager.SetStateAsync("fired", fired);
    }
}
