using Dapr;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Builder;

namespace GamesDrop.BuildingBlocks.PubSub;

public static class Subscriptions
{
    /// <summary>
    /// Subscribes the endpoint to <paramref name="topic"/> on the pubsub component, with <see cref="Topics.DeadLetters"/>
    /// as its dead-letter topic. Dapr docs, "Dead Letter Topics": without one, an event the subscriber keeps refusing
    /// (any reply but 2xx or 404, a 400 included) is redelivered for ever; with one, daprd moves it there once the
    /// inbound retries are spent. The Embedded profile refuses a subscription without it.
    /// </summary>
    public static TBuilder WithSubscription<TBuilder>(this TBuilder endpoint, string topic)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithTopic(new TopicOptions { PubsubName = DaprComponents.PubSub, Name = topic, DeadLetterTopic = Topics.DeadLetters });
}
