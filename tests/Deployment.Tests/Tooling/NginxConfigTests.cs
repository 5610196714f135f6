using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

public sealed class NginxConfigTests
{
    [Fact]
    public async Task The_rendered_template_passes_nginx_t()
    {
        await using var nginx = await Nginx.PrepareAsync("http://127.0.0.1:9/bff", "http://127.0.0.1:9/suppliers", "http://127.0.0.1:9");

        var result = await nginx.TestConfigurationAsync();

        result.ExitCode.Should().Be(0, result.Output);
    }

    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData("stack.yml")]
    public void The_nginx_service_sets_every_template_variable(string file)
    {
        var nginx = ComposeFile.Load(file).Services["nginx"];

        nginx.Environment.Keys.Should().Contain(Nginx.TemplateVariables);
    }
}
