namespace GamesDrop.Kernel.Features.Offers;

/// <summary>
/// The words suppliers use for platforms, regions and editions, keyed by their normalised spelling
/// (lowercase, no accents, words separated by one space), and the noise they add to titles.
/// </summary>
internal static class ListingVocabulary
{
    public const string StandardEdition = "Standard";

    public static readonly IReadOnlyDictionary<string, string> Platforms = Spellings(new()
    {
        ["Steam"] = ["steam"],
        ["Epic Games"] = ["epic", "epic games", "epic games store", "epic store", "egs"],
        ["GOG"] = ["gog", "gog com", "gog galaxy"],
        ["Xbox"] = ["xbox", "xbox live", "xbox one", "xbox series", "xbox series x", "xbox series s", "xbox series x s",
                    "xbox one series x s", "microsoft store", "windows store"],
        ["PlayStation"] = ["playstation", "playstation network", "psn", "ps4", "ps5", "playstation 4", "playstation 5"],
        ["Nintendo"] = ["nintendo", "nintendo switch", "switch", "nintendo eshop", "eshop"],
        ["Battle.net"] = ["battle net", "battlenet", "bnet", "blizzard"],
        ["EA App"] = ["ea app", "ea", "origin", "ea origin"],
        ["Ubisoft Connect"] = ["ubisoft connect", "ubisoft", "uplay", "ubisoft store"],
    });

    public static readonly IReadOnlyDictionary<string, string> Regions = Spellings(new()
    {
        ["GLOBAL"] = ["global", "worldwide", "ww", "region free"],
        ["EU"] = ["eu", "europe", "european union"],
        ["NA"] = ["na", "north america"],
        ["US"] = ["us", "usa", "united states"],
        ["UK"] = ["uk", "united kingdom", "gb"],
        ["LATAM"] = ["latam", "latin america"],
        ["ASIA"] = ["asia"],
        ["CIS"] = ["cis", "ru", "russia"],
        ["ROW"] = ["row", "rest of world", "rest of the world"],
    });

    public static readonly IReadOnlyDictionary<string, string> Editions = Spellings(new()
    {
        [StandardEdition] = ["standard", "base", "regular"],
        ["Deluxe"] = ["deluxe", "digital deluxe", "super deluxe"],
        ["Gold"] = ["gold"],
        ["Ultimate"] = ["ultimate"],
        ["GOTY"] = ["goty", "game of the year"],
        ["Complete"] = ["complete"],
        ["Premium"] = ["premium"],
        ["Definitive"] = ["definitive"],
        ["Collector's"] = ["collectors", "collector"],
        ["Director's Cut"] = ["directors cut"],
        ["Legendary"] = ["legendary"],
        ["Special"] = ["special"],
    });

    /// <summary>
    /// What a title may end with that names no game: the kind of listing, platform and region words that are
    /// never the last word of a game's name (so not "us" of Among Us, "row" of Saints Row, "switch" or "origin").
    /// </summary>
    public static readonly IReadOnlySet<string> TitleNoise = new HashSet<string>(
    [
        "key", "cd key", "cdkey", "code", "digital code", "digital key", "digital", "download", "gift", "pc", "windows", "mac",
        "steam", "epic games", "epic games store", "gog", "gog com", "xbox", "xbox live", "xbox one", "xbox series x s", "psn",
        "ps4", "ps5", "nintendo switch", "nintendo eshop", "battle net", "battlenet", "ea app", "uplay", "ubisoft connect",
        "global", "worldwide", "ww", "region free", "eu", "europe", "latam",
    ]);

    /// <summary>Edition words that end a title only as an edition, with or without the word "edition" after them.</summary>
    public static readonly IReadOnlySet<string> TitleEditions = new HashSet<string>(
    [
        "deluxe", "digital deluxe", "ultimate", "goty", "game of the year", "definitive", "premium", "collectors", "directors cut",
    ]);

    private static Dictionary<string, string> Spellings(Dictionary<string, string[]> byCanonical) =>
        byCanonical.SelectMany(c => c.Value.Select(spelling => (spelling, c.Key))).ToDictionary(p => p.spelling, p => p.Key);
}
