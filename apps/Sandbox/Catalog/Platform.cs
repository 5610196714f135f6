namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// A key platform as each supplier spells it: <see cref="Name"/> is the short name (Digiflazz brand),
/// <see cref="KinguinName"/> Kinguin's <c>platform</c> field, <see cref="KinguinKey"/> the tail of Kinguin product names.
/// </summary>
internal sealed record Platform(string Code, string Name, string KinguinName, string KinguinKey, string ActivationSteps)
{
    public static readonly IReadOnlyList<Platform> All =
    [
        new("stm", "Steam", "Steam", "Steam CD Key",
            "Launch the Steam client and log in. Open Games > Activate a Product on Steam... and enter the key. The game appears in your Library."),
        new("epc", "Epic", "Epic Games", "Epic Games CD Key",
            "Open the Epic Games Launcher, click your profile, choose Redeem Code and enter the key."),
        new("gog", "GOG", "GOG COM", "GOG CD Key",
            "Log in at gog.com, open your account menu, choose Redeem a code and enter the key. Download it with GOG Galaxy."),
        new("xbx", "Xbox", "Xbox Series X|S", "XBOX Series X|S CD Key",
            "On your console or at microsoft.com/redeem sign in with your Microsoft account and enter the 25-character code."),
        new("psn", "PlayStation", "PlayStation 5", "PS5 CD Key",
            "Go to PlayStation Store > ... > Redeem Code on your console, or redeem it on the PlayStation website."),
        new("nsw", "Nintendo", "Nintendo Switch", "Nintendo Switch CD Key",
            "Open Nintendo eShop on your Switch, select your account, choose Redeem Code and enter the 16-character code."),
        new("bnt", "Battle.net", "Battle.net", "Battle.net CD Key",
            "Log in to the Battle.net app, click your account name, choose Redeem a Code and enter the key."),
        new("eaa", "EA App", "EA App", "EA App CD Key",
            "Open the EA app, go to My Collection, choose Redeem code and enter the key."),
        new("ubi", "Ubisoft Connect", "Ubisoft Connect", "Ubisoft Connect CD Key",
            "Open Ubisoft Connect, click the menu, choose Activate a key and enter the key."),
    ];
}
