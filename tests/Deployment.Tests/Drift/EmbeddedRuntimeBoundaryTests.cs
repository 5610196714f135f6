using System.Text.RegularExpressions;
using System.Xml.Linq;
using GamesDrop.Deployment.Tests.Infrastructure;

namespace GamesDrop.Deployment.Tests.Drift;

/// <summary>
/// What production runs never touches what only the one-box profile runs: no Dapr-profile app (its project, the
/// projects it references, or its C# files, Program.cs included) references apps/Embedded.Runtime.
/// </summary>
public sealed partial class EmbeddedRuntimeBoundaryTests
{
    private const string RuntimeProject = "Embedded.Runtime.csproj";

    public static TheoryData<string> AppProjects => new(AppSources.Projects.Values);

    [Theory]
    [MemberData(nameof(AppProjects))]
    public void A_Dapr_profile_app_does_not_reference_the_Embedded_runtime(string project)
    {
        Violations(Repo.Path("apps", project)).Should().BeEmpty($"{project} runs under daprd, which the Embedded runtime stands in for");
    }

    [Fact]
    public void The_check_sees_a_reference_through_a_library_and_a_using_line()
    {
        var root = Directory.CreateTempSubdirectory("boundary-");
        try
        {
            Project(root.FullName, "App", "../Lib/Lib.csproj");
            Project(root.FullName, "Lib", $"../Embedded.Runtime/{RuntimeProject}");
            Project(root.FullName, "Clean");
            Project(root.FullName, "Embedded.Runtime");
            File.WriteAllText(Path.Combine(root.FullName, "Clean", "Program.cs"), "using GamesDrop.Embedded.Runtime.Actors;\n");

            Violations(Path.Combine(root.FullName, "App")).Should().ContainSingle().Which.Should().Contain("Lib.csproj");
            Violations(Path.Combine(root.FullName, "Clean")).Should().ContainSingle().Which.Should().Contain("Program.cs");
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    /// <summary>The project references (followed transitively) and the C# lines in <paramref name="appFolder"/> that reach the runtime.</summary>
    private static List<string> Violations(string appFolder)
    {
        var violations = new List<string>();
        var seen = new HashSet<string>();
        var pending = new Stack<string>(Directory.GetFiles(appFolder, "*.csproj"));
        while (pending.TryPop(out var csproj))
        {
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include")))
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, reference!.Replace('\\', '/')));
                if (Path.GetFileName(path) == RuntimeProject)
                {
                    violations.Add($"{Path.GetFileName(csproj)} references {RuntimeProject}");
                }
                else if (seen.Add(path))
                {
                    pending.Push(path);
                }
            }
        }
        foreach (var file in Directory.EnumerateFiles(appFolder, "*.cs", SearchOption.AllDirectories).Where(f => !BuildOutput().IsMatch(f)))
        {
            violations.AddRange(File.ReadLines(file).Where(line => RuntimeNamespace().IsMatch(line)).Select(line => $"{Path.GetFileName(file)}: {line.Trim()}"));
        }
        return violations;
    }

    private static void Project(string root, string name, params string[] references)
    {
        Directory.CreateDirectory(Path.Combine(root, name));
        new XDocument(new XElement("Project", new XElement("ItemGroup",
            references.Select(r => new XElement("ProjectReference", new XAttribute("Include", r))))))
            .Save(Path.Combine(root, name, name + ".csproj"));
    }

    [GeneratedRegex(@"\bGamesDrop\.Embedded\.Runtime\b")]
    private static partial Regex RuntimeNamespace();

    [GeneratedRegex(@"[\\/](bin|obj)[\\/]")]
    private static partial Regex BuildOutput();
}
