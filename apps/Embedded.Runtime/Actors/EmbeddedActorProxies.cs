using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Dapr.Actors;
using GamesDrop.BuildingBlocks.Actors;

namespace GamesDrop.Embedded.Runtime.Actors;

/// <summary>Embedded profile: proxies whose calls run as turns of <see cref="EmbeddedActorRuntime"/>.</summary>
internal sealed class EmbeddedActorProxies(EmbeddedActorRuntime runtime) : IActorProxies
{
    public T Create<T>(string actorType, string actorId) where T : class, IActor
    {
        var proxy = DispatchProxy.Create<T, TurnProxy>();
        ((TurnProxy)(object)proxy).Bind(runtime, actorType, actorId);
        return proxy;
    }
}

/// <summary>
/// Turns an interface call into a turn. Arguments and results go through JSON as they would over the sidecar, so the
/// caller and the actor never share an object, and a type that would not cross the wire fails here too.
/// </summary>
internal class TurnProxy : DispatchProxy
{
    private static readonly MethodInfo CallGeneric = typeof(TurnProxy).GetMethod(nameof(CallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private EmbeddedActorRuntime _runtime = null!;
    private string _actorType = null!;
    private string _actorId = null!;

    internal void Bind(EmbeddedActorRuntime runtime, string actorType, string actorId)
    {
        _runtime = runtime;
        _actorType = actorType;
        _actorId = actorId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var method = targetMethod ?? throw new ArgumentNullException(nameof(targetMethod));
        var arguments = method.GetParameters().Select((p, i) => RoundTrip(args![i], p.ParameterType)).ToArray();
        if (method.ReturnType == typeof(Task))
        {
            return CallAsync<object?>(method, arguments);
        }
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return CallGeneric.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(this, [method, arguments]);
        }
        throw new NotSupportedException($"Actor method {method.Name} must return Task or Task<T>.");
    }

    private Task<TResult> CallAsync<TResult>(MethodInfo method, object?[] arguments) =>
        _runtime.InvokeAsync(_actorType, _actorId, async actor =>
        {
            Task task;
            try
            {
                task = (Task)method.Invoke(actor, arguments)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            await task;
            return task is Task<TResult> typed ? (TResult)RoundTrip(typed.Result, typeof(TResult))! : default!;
        });

    private object? RoundTrip(object? value, Type type) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(value, type, _runtime.Json), type, _runtime.Json);
}
