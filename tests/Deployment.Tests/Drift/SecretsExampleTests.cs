using System.Text.Json;
using GamesDrop.BuildingBlocks.Secrets;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>A copied example left unfilled must not start a store: its texts are public, so none may pass as a secret.</summary>
public sealed class SecretsExampleTests
{
    [Fact]
    public void Every_text_of_the_example_secret_store_fails_the_start_up_placeholder_check()
    {
        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(Repo.Read("deploy/secrets/dapr-secrets.example.json"))!;

        secrets.Should().NotBeEmpty();
        secrets.Where(s => !PlaceholderSecrets.IsPlaceholder(s.Value)).Should().BeEmpty();
    }
}
