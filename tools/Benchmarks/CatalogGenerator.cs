using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Benchmarks;

/// <summary>
/// A deterministic catalog: titles made of word lists, each in four variants (Steam GLOBAL, Steam EU, Xbox GLOBAL,
/// Steam GLOBAL Deluxe), so product i is variant i % 4 of title i / 4. Two suppliers list overlapping ranges in
/// their own styles, which the kernel must match to the same products.
/// </summary>
internal static class CatalogGenerator
{
    public static readonly string[] Adjectives =
    [
        "Crimson", "Silent", "Eternal", "Broken", "Hidden", "Iron", "Shadow", "Golden", "Frozen", "Burning", "Lost", "Ancient",
        "Savage", "Hollow", "Neon", "Cursed", "Wild", "Dark", "Last", "Fallen", "Mystic", "Rogue", "Steel", "Storm", "Astral",
        "Velvet", "Scarlet", "Cosmic", "Primal", "Arcane", "Feral", "Gilded", "Infinite", "Lunar", "Solar", "Quantum", "Radiant",
        "Sunken", "Twisted", "Wicked", "Blazing", "Crystal", "Distant", "Endless", "Forgotten", "Grim", "Howling", "Jade", "Obsidian", "Pale",
    ];

    public static readonly string[] Nouns =
    [
        "Legends", "Kingdom", "Frontier", "Odyssey", "Dungeon", "Empire", "Horizon", "Chronicles", "Outlaws", "Citadel", "Abyss",
        "Voyage", "Tactics", "Arena", "Harvest", "Protocol", "Rebellion", "Saga", "Requiem", "Dynasty", "Wasteland", "Colony",
        "Paradox", "Sanctuary", "Labyrinth", "Armada", "Bastion", "Covenant", "Expedition", "Fortress", "Gambit", "Heist", "Inferno",
        "Journey", "Knights", "Lanterns", "Mirage", "Nexus", "Oracle", "Pilgrim", "Quest", "Reckoning", "Siege", "Tempest", "Uprising",
        "Vanguard", "Warden", "Zenith", "Riders", "Hunters",
    ];

    public static readonly string[] Suffixes = ["", " 2", " 3", " II", ": Origins", ": Reborn", " Remastered", ": Night Shift", " 4", ": Ascension"];

    public static readonly string[] Genres = ["Action", "RPG", "Strategy", "Adventure", "Indie", "Shooter", "Racing", "Simulation", "Puzzle", "Sports", "Horror", "Casual"];

    private static readonly (string Platform, string Region, string Edition)[] Variants =
        [("Steam", "GLOBAL", ""), ("Steam", "EU", ""), ("Xbox", "GLOBAL", ""), ("Steam", "GLOBAL", "Deluxe")];

    public static string Title(int titleIndex) =>
        $"{Adjectives[titleIndex % Adjectives.Length]} {Nouns[titleIndex / Adjectives.Length % Nouns.Length]}"
        + Suffixes[titleIndex / (Adjectives.Length * Nouns.Length) % Suffixes.Length];

    /// <summary>Supplier A writes listings tidily, in EUR.</summary>
    public static SupplierOffer Tidy(int product)
    {
        var (platform, region, edition) = Variants[product % 4];
        return Offer($"a-{product}", Title(product / 4), platform, region, edition, product, 4m + product % 60, "EUR");
    }

    /// <summary>Supplier B shouts titles with edition, platform and region in them, in USD.</summary>
    public static SupplierOffer Shouty(int product)
    {
        var (platform, region, edition) = Variants[product % 4];
        var title = $"{Title(product / 4).ToUpperInvariant()}{(edition == "" ? "" : " Deluxe Edition")} {platform} Key {(region == "EU" ? "Europe" : "Worldwide")}";
        return Offer($"B{product:D7}", title, platform.ToLowerInvariant(), region == "EU" ? "europe" : "worldwide", "", product, 5m + product % 55, "USD");
    }

    private static SupplierOffer Offer(string sku, string title, string platform, string region, string edition, int product, decimal price, string currency)
    {
        var titleIndex = product / 4;
        string[] genres = [Genres[titleIndex % Genres.Length], Genres[titleIndex / 7 % Genres.Length]];
        return new SupplierOffer(sku, title, platform, region, edition, genres.Distinct().ToList(),
            new DateOnly(2010, 1, 1).AddDays(titleIndex % 5800), $"The story of {Title(titleIndex)}.", "Redeem the key in the launcher.",
            $"https://img.example/{titleIndex}.jpg", price + product % 100 / 100m, currency, product % 13 == 0 ? 0 : 1 + product % 40,
            true, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
