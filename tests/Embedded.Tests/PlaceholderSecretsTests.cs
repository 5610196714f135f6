using GamesDrop.AppTesting;

namespace GamesDrop.Embedded.Tests;

public sealed class PlaceholderSecretsTests
{
    [Theory]
    [InlineData("change-me")]
    [InlineData("CHANGE_ME")]
    [InlineData("")]
    public async Task The_host_refuses_to_start_with_an_empty_or_placeholder_app_token(string token)
    {
        var start = () => EmbeddedApp.StartAsync(new Dictionary<string, string?> { ["APP_API_TOKEN"] = token });

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("APP_API_TOKEN is empty or a placeholder");
    }
}
