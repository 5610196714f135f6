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

    [Theory]
    [InlineData(null)]
    [InlineData("change-me")]
    [InlineData(" ")]
    public async Task The_host_refuses_to_start_while_an_enabled_suppliers_webhook_secret_is_missing_or_a_placeholder(string? secret)
    {
        var settings = new Dictionary<string, string?> { ["Suppliers:Digiflazz:Enabled"] = "true" };
        if (secret is not null)
        {
            settings["Secrets:digiflazz-webhook-secret"] = secret;
        }

        var start = () => EmbeddedApp.StartAsync(settings);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("'digiflazz-webhook-secret' is missing or a placeholder");
    }
}
