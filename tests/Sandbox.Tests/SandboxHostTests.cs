using System.Net;
using GamesDrop.Sandbox.Tests.Infrastructure;

namespace GamesDrop.Sandbox.Tests;

public sealed class SandboxHostTests : SandboxTest
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var response = await Sandbox.CreateClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenApi_document_lists_both_simulators()
    {
        var document = await Sandbox.CreateClient().GetJsonAsync("/openapi/Sandbox.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/kinguin/esa/api/v2/order", "/digiflazz/v1/transaction", "/_sandbox/faults/{partner}"]);
    }

    [Fact]
    public async Task Missing_credentials_stop_the_sandbox_at_start()
    {
        await using var unconfigured = new SandboxApplication(new Dictionary<string, string?> { ["Sandbox:Kinguin:ApiKey"] = "" });

        var start = () => unconfigured.CreateClient();

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain("ApiKey");
    }
}
