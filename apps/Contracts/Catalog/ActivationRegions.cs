using System.Text.RegularExpressions;

namespace GamesDrop.Contracts.Catalog;

/// <summary>
/// Where a key activates, from the region its listing names (the catalog's canonical codes: GLOBAL, EU, US, ...; a
/// country-specific listing, as Digiflazz's often are, names an ISO 3166 country such as TR or ID). Used before payment
/// (kernel) and on the checkout review (BFF), so both say the same.
/// </summary>
public static partial class ActivationRegions
{
    private static readonly string[] Eu =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        // EEA members and Switzerland: EU keys activate there too.
        "IS", "LI", "NO", "CH",
    ];

    private static readonly string[] NorthAmerica = ["US", "CA", "PR"];

    private static readonly Dictionary<string, HashSet<string>> Named = new(StringComparer.Ordinal)
    {
        ["EU"] = [.. Eu],
        ["UK"] = ["GB", "IM", "JE", "GG"],
        ["US"] = ["US", "PR"],
        ["NA"] = [.. NorthAmerica],
        ["LATAM"] = ["MX", "AR", "BR", "CL", "CO", "PE", "VE", "EC", "BO", "PY", "UY", "CR", "PA", "GT", "HN", "SV", "NI", "DO"],
        ["ASIA"] = ["CN", "JP", "KR", "TW", "HK", "MO", "SG", "MY", "TH", "ID", "PH", "VN", "IN", "PK", "BD", "LK", "NP", "KH", "LA",
                    "MM", "MN", "BN"],
        ["SEA"] = ["SG", "MY", "TH", "ID", "PH", "VN", "KH", "LA", "MM", "BN", "TL"],
        ["CIS"] = ["RU", "BY", "KZ", "AM", "AZ", "KG", "MD", "TJ", "UZ"],
    };

    /// <summary>Regions whose keys activate in every country (ROW is checked as "not Europe, the UK or North America").</summary>
    public const string Global = "GLOBAL";

    private const string RestOfWorld = "ROW";

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    /// <summary>An ISO 3166-1 alpha-2 code in capitals, as accounts and PayPal's payer.address.country_code carry it.</summary>
    public static bool IsCountry(string? code) => code is not null && CountryPattern().IsMatch(code);

    /// <summary>
    /// Whether a key for <paramref name="region"/> activates in <paramref name="country"/>. A region the store cannot
    /// read is given the benefit of the doubt: refusing it would refuse keys that work.
    /// </summary>
    public static bool Activates(string region, string country)
    {
        if (region == Global)
        {
            return true;
        }
        if (region == RestOfWorld)
        {
            return !Named["EU"].Contains(country) && !Named["UK"].Contains(country) && !NorthAmerica.Contains(country);
        }
        if (Named.TryGetValue(region, out var countries))
        {
            return countries.Contains(country);
        }
        return !IsCountry(region) || region == country;
    }

    /// <summary>
    /// Which keys will not activate in <paramref name="country"/>, in the buyer's words; <paramref name="whose"/> names
    /// where the country came from ("in your account", "of your PayPal account"). A null region: the key's region covers
    /// the country, but every key on sale for it excludes the country.
    /// </summary>
    public static string Mismatch(IEnumerable<(string Title, string? Region)> keys, string country, string whose) =>
        string.Join(", ", keys.Select(k => $"“{k.Title}” ({(k.Region is null ? "no key on sale works there" : $"a key for {Describe(k.Region)}")})"))
        + $" will not activate in {country}, the country {whose}.";

    /// <summary>Where a key for <paramref name="region"/> activates, in a buyer's words: "every country", "Europe".</summary>
    public static string Where(string region) => region == Global ? "every country" : Describe(region);

    /// <summary>The region in words for a buyer: "Europe", "the United States", or the code itself.</summary>
    public static string Describe(string region) => region switch
    {
        "EU" => "Europe",
        "UK" => "the United Kingdom",
        "US" => "the United States",
        "NA" => "North America",
        "LATAM" => "Latin America",
        "ASIA" => "Asia",
        "SEA" => "Southeast Asia",
        "CIS" => "Russia and the CIS",
        RestOfWorld => "countries outside Europe and North America",
        _ => region,
    };
}
