using Dapr.Actors;

namespace GamesDrop.BuildingBlocks.Actors;

/// <summary>
/// Callers' side of actors: a proxy to actor <paramref name="actorId"/> of type <paramref name="actorType"/>. Calls to one
/// id take turns, and what the actor saved in a call is kept only if the call succeeded, in both profiles.
/// </summary>
public interface IActorProxies
{
    T Create<T>(string actorType, string actorId) where T : class, IActor;
}
