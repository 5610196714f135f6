using GamesDrop.TestSupport;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>Files of the repository under test.</summary>
public static class Repo
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([TestEnvironment.RepoRoot, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    public static string ComponentsFolder => Path("components");
}
