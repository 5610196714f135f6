using GamesDrop.BuildingBlocks.Components;
using GamesDrop.TestSupport;

namespace GamesDrop.BuildingBlocks.Tests.Components;

public sealed class ComponentCatalogTests
{
    [Fact]
    public void The_repositorys_components_folder_loads()
    {
        var catalog = ComponentCatalog.Load(Path.Combine(TestEnvironment.RepoRoot, "components"));

        catalog.Components.Select(c => c.Name).Should().Contain(["pubsub", "statestore", "secretstore"]);
        catalog.Resiliency.ForComponentInbound("pubsub")!.Retry.Should().NotBeNull();
    }

    [Fact]
    public void Resiliency_targets_resolve_their_named_policies()
    {
        var spec = ResiliencySpec.Parse("""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: resiliency
            spec:
              policies:
                timeouts:
                  ext: 5s
                retries:
                  extRetry:
                    policy: exponential
                    maxInterval: 10s
                    maxRetries: 3
                    matching:
                      httpStatusCodes: "429,502-504"
                circuitBreakers:
                  extCB:
                    maxRequests: 1
                    interval: 30s
                    timeout: 1m
                    trip: consecutiveFailures > 5
              targets:
                apps:
                  supplier-api:
                    timeout: ext
                    retry: extRetry
                    circuitBreaker: extCB
            """);

        var policy = spec.ForApp("supplier-api")!;

        policy.Timeout.Should().Be(TimeSpan.FromSeconds(5));
        policy.Retry!.Exponential.Should().BeTrue();
        policy.Retry.MaxRetries.Should().Be(3);
        policy.Retry.StatusCodes.Should().BeEquivalentTo([429, 502, 503, 504]);
        policy.Retry.Retries(500).Should().BeFalse();
        policy.Retry.DelayBefore(1).Should().Be(TimeSpan.FromMilliseconds(500));
        policy.Retry.DelayBefore(10).Should().Be(TimeSpan.FromSeconds(10));
        policy.CircuitBreaker!.Timeout.Should().Be(TimeSpan.FromMinutes(1));
        policy.CircuitBreaker.Trip.Should().Be(new TripCondition("consecutiveFailures", ">", 5));
    }

    [Fact]
    public void Target_naming_an_undefined_policy_is_an_error() =>
        FluentActions.Invoking(() => ResiliencySpec.Parse("""
            kind: Resiliency
            metadata:
              name: r
            spec:
              targets:
                apps:
                  kernel:
                    retry: missing
            """)).Should().Throw<InvalidDataException>().WithMessage("*missing*");

    [Theory]
    [InlineData("5s", 5_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1.5s", 1_500)]
    public void Go_durations_parse(string text, int milliseconds) =>
        GoDuration.Parse(text).Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [Theory]
    [InlineData("5")]
    [InlineData("five seconds")]
    [InlineData("")]
    public void Malformed_durations_are_rejected(string text) =>
        FluentActions.Invoking(() => GoDuration.Parse(text)).Should().Throw<FormatException>();
}
