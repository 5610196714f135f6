using System.Reflection;
using System.Text.RegularExpressions;
using GamesDrop.Contracts;

namespace GamesDrop.Deployment.Tests.Infrastructure;

/// <summary>
/// The value of a name as the code writes it: a string literal, or a constant such as <c>Topics.OrderPaid</c>
/// or <c>KinguinClient.EndpointName</c> looked up in Contracts and the app assemblies.
/// </summary>
public static partial class Constants
{
    [GeneratedRegex(@"^""(?<text>[^""\\]*)""$")]
    private static partial Regex Literal();

    [GeneratedRegex(@"^(?:[\w.]+\.)?(?<type>\w+)\.(?<member>\w+)$")]
    private static partial Regex MemberAccess();

    [GeneratedRegex(@"^[A-Z]\w*$")]
    private static partial Regex BareConstant();

    private static readonly Lazy<IReadOnlyList<Type>> Types = new(() => AppSources.Projects.Values
        .Select(project => Assembly.Load(new AssemblyName(project)))
        .Append(typeof(AppIds).Assembly)
        .SelectMany(a => a.GetTypes())
        .ToList());

    /// <summary>The string the expression stands for, or null when it is neither a literal nor a constant.</summary>
    public static string? Resolve(string expression)
    {
        expression = expression.Trim();
        if (Literal().Match(expression) is { Success: true } literal)
        {
            return literal.Groups["text"].Value;
        }
        if (MemberAccess().Match(expression) is { Success: true } access)
        {
            return Find(Types.Value.Where(t => t.Name == access.Groups["type"].Value), access.Groups["member"].Value).FirstOrDefault();
        }
        // A constant used inside its own class (FeedBinding): resolved when exactly one type declares that name.
        return BareConstant().IsMatch(expression) && Find(Types.Value, expression).Distinct().ToList() is [var only] ? only : null;
    }

    private static IEnumerable<string?> Find(IEnumerable<Type> types, string member) => types
        .Select(t => t.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(f => f is not null && f.FieldType == typeof(string) && (f.IsLiteral || f.IsInitOnly))
        .Select(f => (string?)f!.GetValue(null));

    /// <summary>The values of a static class's public string constants, e.g. every topic in <see cref="Topics"/>.</summary>
    public static IReadOnlyList<string> Of(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();
}
