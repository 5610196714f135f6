using Dapr.Actors;
using Dapr.Actors.Runtime;
using GamesDrop.Bff.Features.Cart;

namespace GamesDrop.Bff.Tests.Features.Cart;

/// <summary>The cart contract on Dapr's actor test host: state in memory, reminders recorded.</summary>
public sealed class CartActorTestHostTests : CartActorContract
{
    private readonly Dictionary<string, MemoryStateManager> _states = [];
    private readonly RecordingTimerManager _timers = new();

    protected override ICartActor Cart(string actorId) => Activate(actorId);

    protected override Task<TimeSpan?> ExpiryDueInAsync(string actorId) =>
        Task.FromResult(_timers.Reminders.TryGetValue((actorId, CartActor.IdleExpiry), out var r) ? r.DueTime : (TimeSpan?)null);

    protected override async Task ExpireAsync(string actorId)
    {
        var reminder = _timers.Reminders[(actorId, CartActor.IdleExpiry)];
        await Activate(actorId).ReceiveReminderAsync(reminder.Name, reminder.State, reminder.DueTime, reminder.Period);
    }

    private CartActor Activate(string actorId)
    {
        var host = ActorHost.CreateForTest<CartActor>(new ActorTestOptions { ActorId = new ActorId(actorId), TimerManager = _timers });
        if (!_states.TryGetValue(actorId, out var state))
        {
            state = new MemoryStateManager();
            _states[actorId] = state;
        }
        return new CartActor(host, new CartOptions { IdleExpiry = IdleExpiry }, state);
    }

    private sealed class RecordingTimerManager : ActorTimerManager
    {
        public Dictionary<(string ActorId, string Name), ActorReminder> Reminders { get; } = [];

        public override Task RegisterReminderAsync(ActorReminder reminder)
        {
            Reminders[(reminder.ActorId.GetId(), reminder.Name)] = reminder;
            return Task.CompletedTask;
        }

        public override Task<IActorReminder> GetReminderAsync(ActorReminderToken reminder) =>
            Task.FromResult<IActorReminder>(Reminders[(reminder.ActorId.GetId(), reminder.Name)]);

        public override Task UnregisterReminderAsync(ActorReminderToken reminder)
        {
            Reminders.Remove((reminder.ActorId.GetId(), reminder.Name));
            return Task.CompletedTask;
        }

        public override Task RegisterTimerAsync(ActorTimer timer) => throw new NotSupportedException();

        public override Task UnregisterTimerAsync(ActorTimerToken timer) => throw new NotSupportedException();
    }

    /// <summary>Just what the cart uses, written through at once (the test host has no turns to save after).</summary>
    private sealed class MemoryStateManager : IActorStateManager
    {
        private readonly Dictionary<string, object?> _values = [];

        public Task<ConditionalValue<T>> TryGetStateAsync<T>(string stateName, CancellationToken cancellationToken = default) =>
            Task.FromResult(_values.TryGetValue(stateName, out var v) ? new ConditionalValue<T>(true, (T)v!) : default);

        public Task SetStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default)
        {
            _values[stateName] = value;
            return Task.CompletedTask;
        }

        public Task<bool> TryRemoveStateAsync(string stateName, CancellationToken cancellationToken = default) =>
            Task.FromResult(_values.Remove(stateName));

        public Task AddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task AddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<T> GetStateAsync<T>(string stateName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task SetStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task RemoveStateAsync(string stateName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> TryAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> TryAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<bool> ContainsStateAsync(string stateName, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<T> GetOrAddStateAsync<T>(string stateName, T value, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<T> GetOrAddStateAsync<T>(string stateName, T value, TimeSpan ttl, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<T> AddOrUpdateStateAsync<T>(string stateName, T addValue, Func<string, T, T> updateValueFactory, TimeSpan ttl, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task UnloadStateAsync(string stateName, UnloadStateOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task ClearCacheAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task SaveStateAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
