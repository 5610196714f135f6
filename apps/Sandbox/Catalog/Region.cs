namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// Where a key activates: <see cref="Code"/> ends Digiflazz product names, <see cref="KinguinRegionId"/> and
/// <see cref="KinguinName"/> are Kinguin's <c>regionId</c> and <c>regionalLimitations</c>,
/// <see cref="ExcludedCountries"/> its <c>countryLimitation</c>.
/// </summary>
internal sealed record Region(string Code, int KinguinRegionId, string KinguinName, double Weight, string[] ExcludedCountries)
{
    public static readonly IReadOnlyList<Region> All =
    [
        new("GLOBAL", 3, "REGION FREE", 0.50, []),
        new("EU", 1, "EUROPE", 0.20, ["RU", "BY", "UA"]),
        new("NA", 18, "NORTH AMERICA", 0.09, ["MX"]),
        new("US", 2, "UNITED STATES", 0.06, []),
        new("UK", 8, "UNITED KINGDOM", 0.05, []),
        new("LATAM", 11, "LATIN AMERICA", 0.05, ["US", "CA"]),
        new("ASIA", 12, "ASIA", 0.05, ["CN", "JP"]),
    ];

    public bool IsGlobal => Code == "GLOBAL";

    /// <summary>Kinguin's region table (<c>GET /v1/regions</c>), of which the catalog uses a few.</summary>
    public static readonly IReadOnlyList<(int Id, string Name)> KinguinRegions =
    [
        (1, "Europe"), (2, "United States"), (3, "Region free"), (4, "Other"), (5, "Outside Europe"),
        (6, "RU VPN"), (7, "Russia"), (8, "United Kingdom"), (9, "China"), (10, "RoW (Rest of World)"),
        (11, "Latin America"), (12, "Asia"), (13, "Germany"), (14, "Australia"), (15, "Brazil"),
        (16, "India"), (17, "Japan"), (18, "North America"),
    ];
}
