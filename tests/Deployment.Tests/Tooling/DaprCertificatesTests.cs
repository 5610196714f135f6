using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>deploy/scripts/make-dapr-certs.sh, which the README uses to set up and rotate Sentry's certificates.</summary>
public sealed class DaprCertificatesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gamesdrop-certs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_rerun_renews_the_issuer_and_keeps_the_root_sidecars_trust()
    {
        var first = await MakeAsync();
        var root = await File.ReadAllTextAsync(Path.Combine(_folder, "dapr-ca.crt"));
        var issuer = await File.ReadAllTextAsync(Path.Combine(_folder, "dapr-issuer.crt"));

        var second = await MakeAsync();

        first.ExitCode.Should().Be(0, first.Output);
        second.Output.Should().Contain("dapr-issuer.crt: OK");
        (await File.ReadAllTextAsync(Path.Combine(_folder, "dapr-ca.crt"))).Should().Be(root);
        (await File.ReadAllTextAsync(Path.Combine(_folder, "dapr-issuer.crt"))).Should().NotBe(issuer);
        Directory.GetFiles(_folder).Select(Path.GetFileName).Should()
            .BeEquivalentTo(["dapr-ca.crt", "dapr-ca.key", "dapr-issuer.crt", "dapr-issuer.key"]);
    }

    private Task<ProcessResult> MakeAsync() =>
        Processes.RunAsync("bash", [Repo.Path("deploy", "scripts", "make-dapr-certs.sh"), _folder, "gamesdrop.test", "2"]);
}
