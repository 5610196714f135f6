using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>Topic and pub/sub names in code match Contracts and components/.</summary>
public sealed class TopicsTests
{
    private static readonly IReadOnlyList<string> TopicNames = Constants.Of(typeof(Topics));

    [Fact]
    public void Every_DaprComponents_constant_is_a_component_in_components()
    {
        var components = DaprResources.Catalog.Components.Select(c => c.Name).ToList();

        Constants.Of(typeof(DaprComponents)).Should().BeSubsetOf(components);
    }

    [Fact]
    public void Pubsub_allowedTopics_lists_exactly_the_topics_in_Contracts()
    {
        foreach (var pubsub in DaprResources.Catalog.Components.Where(c => c.Type.StartsWith("pubsub.")))
        {
            var allowed = pubsub.Get("allowedTopics")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

            allowed.Should().BeEquivalentTo(TopicNames, $"component '{pubsub.Name}' restricts topics to those in Contracts/Topics.cs");
        }
    }

    // Dapr docs, "Dead Letter Topics": a subscription without one redelivers a poison event for ever under daprd, while
    // the Embedded profile dead-letters it; WithSubscription gives every subscription the dead-letters topic.
    [Fact]
    public void Apps_subscribe_with_WithSubscription_to_topics_from_Contracts()
    {
        var subscriptions = AppSources.Calls("WithSubscription");

        AppSources.Calls("WithTopic").Select(c => c.Location).Should().BeEmpty("a bare WithTopic has no dead-letter topic");
        subscriptions.Should().NotBeEmpty();
        subscriptions.Where(c => !TopicNames.Contains(Constants.Resolve(c.Argument(0))))
            .Select(c => $"{c.Location}: {c.Argument(0)} is not a topic in Contracts/Topics.cs")
            .Should().BeEmpty();
        subscriptions.Where(c => DaprResources.Catalog.Components.SingleOrDefault(p => p.Name == DaprComponents.PubSub)?.IsInScope(c.AppId) != true)
            .Select(c => $"{c.Location}: {DaprComponents.PubSub} is not in scope for {c.AppId}")
            .Should().BeEmpty();
    }

    [Fact]
    public void Every_published_topic_is_a_topic_from_Contracts()
    {
        var problems = AppSources.Calls("PublishAsync")
            .Where(call => !TopicNames.Contains(Constants.Resolve(call.Argument(0))))
            .Select(call => $"{call.Location}: publishes to {call.Argument(0)}, not a topic in Contracts/Topics.cs");

        problems.Should().BeEmpty();
    }
}
