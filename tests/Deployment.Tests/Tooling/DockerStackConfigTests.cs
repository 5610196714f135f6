using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>Docker's own parser and validator (the CLI needs no engine for this) accepts both deployment files.</summary>
public sealed class DockerStackConfigTests
{
    [Theory]
    [InlineData("docker-compose.yml")]
    [InlineData("stack.yml")]
    public async Task Docker_validates_the_file_with_the_settings_of_env_example(string file)
    {
        var result = await Processes.RunAsync("docker", ["stack", "config", "-c", file], EnvExample.Values);

        result.ExitCode.Should().Be(0, result.Output);
    }
}
