using Dapr;
using Microsoft.AspNetCore.Routing;

namespace GamesDrop.BuildingBlocks.PubSub.Embedded;

/// <summary>A <c>.WithTopic(...)</c> endpoint: where events of a topic are delivered.</summary>
public sealed record TopicSubscription(string PubsubName, string Topic, string Route, string? DeadLetterTopic);

/// <summary>
/// Reads subscriptions from the same endpoint metadata Dapr's <c>/dapr/subscribe</c> handler reports,
/// so the Embedded profile delivers to exactly the routes daprd would.
/// </summary>
public sealed class TopicSubscriptions(EndpointDataSource endpoints)
{
    public IReadOnlyList<TopicSubscription> All => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<ITopicMetadata>()
            .Select(topic => new TopicSubscription(
                topic.PubsubName,
                topic.Name,
                "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
                endpoint.Metadata.GetMetadata<IDeadLetterTopicMetadata>()?.DeadLetterTopic)))
        .Distinct()
        .ToList();

    public IEnumerable<TopicSubscription> For(string pubsubName, string topic) =>
        All.Where(s => s.PubsubName == pubsubName && s.Topic == topic);
}
