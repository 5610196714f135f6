using Dapr;
using GamesDrop.BuildingBlocks.Hosting;
using GamesDrop.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace GamesDrop.Embedded.Runtime.PubSub;

/// <summary>A <c>.WithTopic(...)</c> endpoint: where events of a topic are delivered.</summary>
public sealed record TopicSubscription(string PubsubName, string Topic, string Route, string? DeadLetterTopic);

/// <summary>
/// Reads subscriptions from the same endpoint metadata Dapr's <c>/dapr/subscribe</c> handler reports,
/// so the Embedded profile delivers to exactly the routes daprd would. It refuses a subscription without a
/// dead-letter topic (<see cref="Subscriptions.WithSubscription"/>), which daprd would redeliver for ever.
/// </summary>
public sealed class TopicSubscriptions(EndpointDataSource endpoints, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// <see cref="All"/> once the server has built its pipeline. Until then the mapped endpoints are not yet in the
    /// data source and the list is empty, so events fanned out against it would be dropped; daprd likewise asks the
    /// app for its subscriptions only once the app listens.
    /// </summary>
    public async Task<IReadOnlyList<TopicSubscription>> LoadedAsync(CancellationToken ct)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            await HostStarted.WaitAsync(lifetime, ct);
        }
        return All;
    }

    public IReadOnlyList<TopicSubscription> All
    {
        get
        {
            var all = endpoints.Endpoints
                .OfType<RouteEndpoint>()
                .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<ITopicMetadata>()
                    .Select(topic => new TopicSubscription(
                        topic.PubsubName,
                        topic.Name,
                        "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'),
                        endpoint.Metadata.GetMetadata<IDeadLetterTopicMetadata>()?.DeadLetterTopic)))
                .Distinct()
                .ToList();
            // A dead-letter topic's own subscriber is exempt: its failures are redelivered, never dropped.
            var deadLetterTopics = all.Select(s => s.DeadLetterTopic).OfType<string>().Append(Topics.DeadLetters).ToHashSet();
            if (all.FirstOrDefault(s => string.IsNullOrEmpty(s.DeadLetterTopic) && !deadLetterTopics.Contains(s.Topic)) is { } bare)
            {
                throw new InvalidOperationException(
                    $"{bare.Route} subscribes to '{bare.Topic}' without a dead-letter topic; use WithSubscription, as daprd would redeliver a poison event for ever.");
            }
            return all;
        }
    }
}
