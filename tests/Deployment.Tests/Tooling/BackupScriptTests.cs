using System.Runtime.Versioning;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Tooling;

/// <summary>deploy/scripts/pg-backup.sh, with a stand-in docker that answers as a node running the postgres task.</summary>
[SupportedOSPlatform("linux")]
public sealed class BackupScriptTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("gamesdrop-backup-");

    // A dump holds every account: a backup folder left open by an earlier setup, and the archive, become the owner's alone.
    [Fact]
    public async Task The_archive_and_its_folder_are_readable_by_their_owner_alone()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work.FullName, "bin"));
        var docker = Path.Combine(bin.FullName, "docker");
        await File.WriteAllTextAsync(docker, "#!/bin/sh\ncase \"$1\" in ps) echo c0ffee ;; exec) printf 'PGDMP' ;; esac\n");
        File.SetUnixFileMode(docker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var backups = Directory.CreateDirectory(Path.Combine(_work.FullName, "backups"));
        File.SetUnixFileMode(backups.FullName, (UnixFileMode)0b111_101_101);

        var result = await Processes.RunAsync("bash", [Repo.Path("deploy/scripts/pg-backup.sh"), backups.FullName],
            new Dictionary<string, string> { ["PATH"] = $"{bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}" });

        result.ExitCode.Should().Be(0, result.Output);
        var archive = result.Output.Trim();
        File.ReadAllText(archive).Should().Be("PGDMP");
        File.GetUnixFileMode(archive).Should().Be(OwnerOnly);
        File.GetUnixFileMode(backups.FullName).Should().Be(OwnerOnly | UnixFileMode.UserExecute);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
