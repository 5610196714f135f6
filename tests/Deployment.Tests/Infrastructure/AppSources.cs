using System.Text.RegularExpressions;
using GamesDrop.Contracts;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>A call found in an app's sources: its generic argument and its top-level arguments as written.</summary>
public sealed record CodeCall(string AppId, string Location, string? TypeArgument, IReadOnlyList<string> Arguments)
{
    public string Argument(int index) => index < Arguments.Count
        ? Arguments[index]
        : throw new InvalidDataException($"{Location}: expected an argument at {index}.");
}

/// <summary>The C# files of each app (apps/&lt;Project&gt;/ for app id &lt;project&gt;), scanned for calls by name.</summary>
public static partial class AppSources
{
    [GeneratedRegex(@"[\\/](bin|obj)[\\/]")]
    private static partial Regex BuildOutput();

    /// <summary>App id → its project folder name, e.g. bff → Bff.</summary>
    public static IReadOnlyDictionary<string, string> Projects { get; } = AppIds.All.ToDictionary(
        id => id,
        id => Path.GetFileName(Directory.GetDirectories(Repo.Path("apps"))
            .Single(d => Path.GetFileName(d).Equals(id, StringComparison.OrdinalIgnoreCase))));

    public static IReadOnlyList<CodeCall> Calls(string method)
    {
        var pattern = new Regex($@"\b{Regex.Escape(method)}(?:<(?<type>[^<>()]+)>)?\(");
        var calls = new List<CodeCall>();
        foreach (var (appId, project) in Projects)
        {
            var folder = Repo.Path("apps", project);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !BuildOutput().IsMatch(f)))
            {
                var text = File.ReadAllText(file);
                foreach (Match match in pattern.Matches(text))
                {
                    var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                    var location = $"{Path.GetRelativePath(Repo.Path(), file)}:{line}";
                    var type = match.Groups["type"].Success ? match.Groups["type"].Value.Trim() : null;
                    calls.Add(new CodeCall(appId, location, type, SplitArguments(text, match.Index + match.Length)));
                }
            }
        }
        return calls;
    }

    // From just after "(" to the matching ")", split at top-level commas.
    private static List<string> SplitArguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var from = start;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '{' or '[':
                    depth++;
                    break;
                case ')' or '}' or ']' when depth > 0:
                    depth--;
                    break;
                case ')':
                    AddArgument(arguments, text[from..i]);
                    return arguments;
                case ',' when depth == 0:
                    AddArgument(arguments, text[from..i]);
                    from = i + 1;
                    break;
            }
        }
        throw new InvalidDataException("Unbalanced parentheses in a call.");
    }

    private static void AddArgument(List<string> arguments, string argument)
    {
        if (argument.Trim().Length > 0)
        {
            arguments.Add(argument.Trim());
        }
    }
}
