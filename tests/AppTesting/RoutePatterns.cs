using System.Text.RegularExpressions;

namespace GamesDrop.AppTesting;

/// <summary>Requests made from the route table: each route pattern filled so that the route matches.</summary>
public static partial class RoutePatterns
{
    /// <summary>
    /// Fills each parameter with a value its constraint accepts, the others with <paramref name="value"/>: a value a
    /// constraint refuses ends in routing's 404 before the endpoint, its authorization or its body are reached.
    /// </summary>
    public static string FillMatching(string pattern, string value) =>
        Parameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            ":long" or ":int" => "1",
            ":guid" => Guid.Empty.ToString(),
            _ => Uri.EscapeDataString(value),
        });

    [GeneratedRegex(@"\{[^}:]+(:[^}]+)?\}")]
    private static partial Regex Parameter();
}
