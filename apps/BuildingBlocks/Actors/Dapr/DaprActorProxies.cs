using Dapr.Actors;
using Dapr.Actors.Client;

namespace GamesDrop.BuildingBlocks.Actors.Dapr;

/// <summary>Dapr profile: proxies through the sidecar; AddActors gives the factory the runtime's JSON serialization.</summary>
internal sealed class DaprActorProxies(IActorProxyFactory factory) : IActorProxies
{
    public T Create<T>(string actorType, string actorId) where T : class, IActor =>
        factory.CreateActorProxy<T>(new ActorId(actorId), actorType);
}
