using System.Text.RegularExpressions;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>Compose-file variables, resolved offline: a default where one is given, else the variable's name.</summary>
public static partial class Interpolation
{
    [GeneratedRegex(@"\$\{(?<name>\w+)(?:(?<op>:?[-?])(?<arg>[^}]*))?\}")]
    public static partial Regex Variable();

    public static string WithDefaults(string text) => Variable().Replace(text, m =>
        m.Groups["op"].Value.EndsWith('-') ? m.Groups["arg"].Value : $"<{m.Groups["name"].Value}>");

    public static IReadOnlySet<string> Names(string text) =>
        Variable().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet();
}
