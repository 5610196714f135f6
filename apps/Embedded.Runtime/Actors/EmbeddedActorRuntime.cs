using System.Text.Json;
using Dapr.Actors;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GamesDrop.Embedded.Runtime.Actors;

/// <summary>
/// Embedded profile: runs the registered actor classes in this process, one turn at a time per actor id, as daprd
/// does. Each turn activates the actor afresh with a <see cref="RedisActorStateManager"/> (state read from Redis, so
/// nothing is cached between turns) and saves what it changed only when the method succeeded. Actor classes take an
/// <see cref="IActorStateManager"/> constructor parameter; under daprd it is null and Dapr's own is used. The activation
/// hooks (OnActivateAsync and the like) are internal to Dapr's runtime and not called here, so actors must not need them.
/// </summary>
internal sealed class EmbeddedActorRuntime
{
    private readonly IServiceProvider _services;
    private readonly string _appId;
    private readonly Dictionary<string, ActorTypeInformation> _types;
    private readonly Dictionary<string, Turns> _turns = [];

    public EmbeddedActorRuntime(IServiceProvider services, string appId, ActorRuntimeOptions options)
    {
        _services = services;
        _appId = appId;
        Json = options.JsonSerializerOptions;
        _types = options.Actors.ToDictionary(r => r.Type.ActorTypeName, r => r.Type);
        foreach (var type in _types.Values.Where(t => !TakesStateManager(t.ImplementationType)))
        {
            throw new InvalidOperationException($"{type.ImplementationType.Name} needs a constructor parameter IActorStateManager? to run Embedded.");
        }
    }

    public JsonSerializerOptions Json { get; }

    /// <summary>Runs <paramref name="call"/> on the actor in a turn of its own; its state changes are saved if it succeeds.</summary>
    public async Task<TResult> InvokeAsync<TResult>(string actorType, string actorId, Func<Actor, Task<TResult>> call)
    {
        if (!_types.TryGetValue(actorType, out var type))
        {
            throw new InvalidOperationException($"Actor type {actorType} is not registered in app {_appId}.");
        }
        var key = $"{_appId}||{actorType}||{actorId}";
        var turns = Enter(key);
        try
        {
            await turns.Gate.WaitAsync();
            try
            {
                var state = new RedisActorStateManager(_services.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), key, Json);
                var host = ActorHost.CreateForTest(type.ImplementationType, actorType, new ActorTestOptions
                {
                    // The only public way to give a host its timer manager; it carries no test behaviour.
                    ActorId = new ActorId(actorId),
                    TimerManager = _services.GetRequiredService<RedisActorReminders>(),
                    LoggerFactory = _services.GetRequiredService<ILoggerFactory>(),
                    JsonSerializerOptions = Json,
                });
                var actor = (Actor)ActivatorUtilities.CreateInstance(_services, type.ImplementationType, host, state);
                var result = await call(actor);
                await state.SaveStateAsync();
                return result;
            }
            finally
            {
                turns.Gate.Release();
            }
        }
        finally
        {
            Leave(key, turns);
        }
    }

    private static bool TakesStateManager(Type actor) =>
        actor.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IActorStateManager)));

    // One semaphore per id while anyone waits on it, so idle actors cost nothing.
    private Turns Enter(string key)
    {
        lock (_turns)
        {
            if (!_turns.TryGetValue(key, out var turns))
            {
                turns = new Turns();
                _turns[key] = turns;
            }
            turns.Users++;
            return turns;
        }
    }

    private void Leave(string key, Turns turns)
    {
        lock (_turns)
        {
            if (--turns.Users == 0)
            {
                _turns.Remove(key);
                turns.Gate.Dispose();
            }
        }
    }

    /// <summary>How many actor ids have a turn running or waiting.</summary>
    public int ActiveIds
    {
        get
        {
            lock (_turns)
            {
                return _turns.Count;
            }
        }
    }

    private sealed class Turns
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Users { get; set; }
    }
}
