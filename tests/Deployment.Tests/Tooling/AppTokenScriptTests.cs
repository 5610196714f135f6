using GamesDrop.Contracts;
using GamesDrop.Deployment.Tests.Infrastructure;
using GamesDrop.ServiceDefaults.Security;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>scripts/infra.sh's <c>app_token</c>, which run.sh and the benchmarks call the Embedded host's apps with.</summary>
public sealed class AppTokenScriptTests
{
    // The sync after ./run.sh's start calls the suppliers app; a script deriving otherwise than the host is refused.
    [Fact]
    public async Task The_script_derives_each_apps_token_as_the_host_does()
    {
        const string secret = "a one-box secret";
        foreach (var app in AppIds.All)
        {
            var result = await Processes.RunAsync("bash", ["-c", "source scripts/infra.sh && app_token \"$1\"", "app_token", app],
                new Dictionary<string, string> { ["APP_API_TOKEN"] = secret });

            result.ExitCode.Should().Be(0, result.Output);
            result.Output.Trim().Should().Be(AppTokens.Derive(secret, app), app);
        }
    }
}
