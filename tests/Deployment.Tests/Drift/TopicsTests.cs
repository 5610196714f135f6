using System.Text.RegularExpressions;
using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>Topic and pub/sub names in code match Contracts and components/.</summary>
public sealed partial class TopicsTests
{
    private static readonly IReadOnlyList<string> TopicNames = Constants.Of(typeof(Topics));

    [GeneratedRegex(@"\b(?<key>PubsubName|Name|DeadLetterTopic)\s*=\s*(?<value>[^,}]+)")]
    private static partial Regex Initializer();

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

    [Fact]
    public void Every_WithTopic_names_a_pubsub_component_and_a_topic_from_Contracts()
    {
        var pubsubs = DaprResources.Catalog.Components.Where(c => c.Type.StartsWith("pubsub.")).ToList();
        var problems = new List<string>();

        foreach (var call in AppSources.Calls("WithTopic"))
        {
            foreach (var (key, expression) in Subscription(call))
            {
                var value = Constants.Resolve(expression);
                var known = key == "PubsubName"
                    ? pubsubs.Any(p => p.Name == value && p.IsInScope(call.AppId))
                    : TopicNames.Contains(value);
                if (!known)
                {
                    problems.Add($"{call.Location}: {key} {expression} (= {value ?? "not a constant"}) is not "
                        + (key == "PubsubName" ? $"a pubsub component in scope for {call.AppId}" : "a topic in Contracts/Topics.cs"));
                }
            }
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Every_published_topic_is_a_topic_from_Contracts()
    {
        var problems = AppSources.Calls("PublishAsync")
            .Where(call => !TopicNames.Contains(Constants.Resolve(call.Argument(0))))
            .Select(call => $"{call.Location}: publishes to {call.Argument(0)}, not a topic in Contracts/Topics.cs");

        problems.Should().BeEmpty();
    }

    // .WithTopic(pubsub, topic[, ...]) or .WithTopic(new TopicOptions { PubsubName = .., Name = .., DeadLetterTopic = .. }).
    private static IEnumerable<(string Key, string Expression)> Subscription(CodeCall call) =>
        call.Argument(0).StartsWith("new ", StringComparison.Ordinal)
            ? Initializer().Matches(call.Argument(0)).Select(m => (m.Groups["key"].Value, m.Groups["value"].Value.Trim()))
            : [("PubsubName", call.Argument(0)), ("Name", call.Argument(1))];
}
