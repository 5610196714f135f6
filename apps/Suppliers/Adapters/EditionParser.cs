using System.Text.RegularExpressions;

namespace GamesDrop.Suppliers.Adapters;

/// <summary>Suppliers put the edition in the listing's name; this reads it out ("Standard" when none is named).</summary>
public static partial class EditionParser
{
    [GeneratedRegex(@"\b(Game of the Year|GOTY|Deluxe|Gold|Ultimate|Premium|Complete|Definitive|Digital Deluxe|Collector'?s|Legendary|Special|Enhanced|Anniversary|Standard)\b(\s+Edition)?", RegexOptions.IgnoreCase)]
    private static partial Regex Edition();

    public static string From(string name)
    {
        var match = Edition().Match(name);
        if (!match.Success)
        {
            return "Standard";
        }
        var word = match.Groups[1].Value;
        return word.Equals("Game of the Year", StringComparison.OrdinalIgnoreCase) || word.Equals("GOTY", StringComparison.OrdinalIgnoreCase)
            ? "GOTY"
            : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
    }
}
