namespace GamesDrop.Sandbox.Catalog;

/// <summary>Invented names only, so demo screens never show a real trademark next to a made-up price.</summary>
internal static class WordLists
{
    public static readonly string[] Adjectives =
    [
        "Crimson", "Silent", "Iron", "Shattered", "Eternal", "Hollow", "Neon", "Forgotten", "Savage", "Frozen",
        "Burning", "Last", "Dark", "Wild", "Lost", "Broken", "Golden", "Steel", "Phantom", "Starlit",
        "Sunken", "Rogue", "Astral", "Obsidian", "Scarlet", "Verdant", "Cursed", "Radiant", "Feral", "Quantum",
        "Ashen", "Twilight", "Emerald", "Grim", "Ancient", "Electric", "Silver", "Restless", "Distant", "Velvet",
    ];

    public static readonly string[] Nouns =
    [
        "Frontier", "Legion", "Kingdom", "Horizon", "Protocol", "Dynasty", "Odyssey", "Citadel", "Outlaws", "Requiem",
        "Vanguard", "Tides", "Empire", "Dominion", "Crusade", "Saga", "Chronicles", "Wasteland", "Rebellion", "Arena",
        "Racers", "Tactics", "Legends", "Colony", "Station", "Harvest", "Gardens", "Knights", "Hunters", "Heist",
        "Skies", "Depths", "Wardens", "Machina", "Drifters", "Pioneers", "Syndicate", "Valley", "Reckoners", "Forge",
    ];

    public static readonly string[] Places =
    [
        "Valoria", "Eldmoor", "Karth", "the Northreach", "Avalune", "Brightwater", "Duskhollow", "Ironvale", "Mirefall",
        "Solmara", "the Sunken Coast", "Thornwick", "Umbra", "Westmarch", "Zephyria", "the Pale Moon", "Grimhaven",
        "Stormpeak", "the Red Desert", "Orion Deep",
    ];

    /// <summary>Sequel markers; empty strings weigh the odds towards a first game.</summary>
    public static readonly string[] Numbers = ["", "", "", "", "2", "3", "4", "II", "III", "IV", "Zero", "2077", "Reborn"];

    public static readonly string[] Subtitles =
    [
        "Ashes of Dawn", "The Last Light", "Reckoning", "Rebirth", "Origins", "Awakening", "Into the Abyss", "Cold Steel",
        "Blood Moon", "Endgame", "Shadows Rising", "Heart of the Storm", "The Long Night", "Fallen Crown", "New Blood",
        "Beyond the Veil", "Echoes", "Wrath of the Deep", "Iron Oath", "Winter's End", "Sins of the Father", "Uprising",
        "The Hidden Path", "Nightfall", "Broken Chains", "Dead Reckoning", "Firstborn", "Lost Signal", "Day One", "Homecoming",
    ];

    public static readonly string[] Genres =
    [
        "Action", "Adventure", "RPG", "Strategy", "Simulation", "Racing", "Sport", "FPS", "Horror", "Indie",
        "Puzzle", "Platformer", "Fighting", "Survival", "Open World", "Story rich", "Casual", "MMO", "Co-op",
    ];

    public static readonly string[] StudioPrefixes =
    [
        "Blue Anvil", "Northlight", "Pixel Harbor", "Red Kite", "Moonforge", "Copperline", "Tall Pine", "Glasswing",
        "Saltmarsh", "Firefly", "Stonegate", "Lantern", "Driftwood", "Hexagon", "Quiet Owl", "Brassworks",
    ];

    public static readonly string[] StudioSuffixes = ["Studios", "Interactive", "Games", "Entertainment", "Softworks", "Digital", "Labs"];

    public static readonly string[] Publishers =
    [
        "Aurora Publishing", "Meridian Games", "Tidewater Interactive", "Crownstone", "Parallax Media",
        "Summit Entertainment Group", "Nebula Works", "Harbor Light Publishing",
    ];

    public static readonly string[] KinguinMerchants = ["KinguinHK", "GameVault", "KeyHaven", "PixelMarket", "LootCrate EU", "NordKeys"];

    public static readonly string[] DigiflazzSellers = ["KeyNusantara", "GameVoucherID", "TokoKunci", "DigitalJaya", "VoucherKita"];

    public static readonly string[] Hooks =
    [
        "Forge alliances, betray rivals and decide who rules when the dust settles.",
        "Every run is different: learn, adapt and push deeper each time.",
        "Explore a hand-crafted world full of secrets, side stories and hidden bosses.",
        "Build, manage and defend a home against everything the world throws at you.",
        "Team up with friends in online co-op or go it alone in a sprawling campaign.",
        "Master a deep combat system where timing matters more than numbers.",
        "A story of loss and hope, told through choices that change the ending.",
        "Race through breathtaking tracks and tune your machine to perfection.",
    ];
}
