namespace GamesDrop.Sandbox.Catalog;

/// <summary>
/// Builds the demo catalog from a seed in one pass: titles first, then one product per platform the title ships on,
/// then which supplier lists each product and at what price and stock. Texts and covers are made only when asked for.
/// </summary>
internal static class CatalogGenerator
{
    /// <summary>Fixed, so a seed gives the same release and update dates on every run.</summary>
    public static readonly DateTimeOffset Anchor = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const double BothSuppliers = 0.55;
    private const double KinguinOnly = 0.25;
    private const decimal IdrPerEur = 17_500m;
    private static readonly decimal[] BasePrices = [4.99m, 9.99m, 9.99m, 14.99m, 19.99m, 19.99m, 29.99m, 39.99m, 49.99m, 59.99m, 69.99m];
    // Strides coprime with the nine platforms, so a title's variants never repeat a platform.
    private static readonly int[] PlatformStrides = [1, 2, 4, 5, 7, 8];

    /// <param name="today">Pre-orders are dated from it, since they must stay in the future.</param>
    public static DemoCatalog Generate(CatalogOptions options, DateOnly today)
    {
        var games = new Game[options.Products];
        var titles = new TitleGenerator();
        var id = 0;
        for (var titleIndex = 0L; id < games.Length; titleIndex++)
        {
            var rng = SeededRandom.For(options.Seed, titleIndex);
            var title = new TitleTraits(titles.Next(rng), rng);
            var first = rng.Next(Platform.All.Count);
            var stride = rng.Pick(PlatformStrides);
            for (var variant = rng.Next(1, 5); variant > 0 && id < games.Length; variant--, id++)
            {
                var platform = Platform.All[(first + variant * stride) % Platform.All.Count];
                games[id] = Product(id, title, platform, SeededRandom.For(~options.Seed, id), today);
            }
        }
        return new DemoCatalog(games);
    }

    private static Game Product(int id, TitleTraits title, Platform platform, SeededRandom rng, DateOnly today)
    {
        var edition = rng.PickWeighted(Edition.All, e => e.Weight);
        var region = rng.PickWeighted(Region.All, r => r.Weight);
        var isPreorder = rng.Chance(0.03);
        var release = isPreorder ? today.AddDays(rng.Next(7, 41)) : title.ReleaseDate;
        var price = title.BasePrice * edition.PriceFactor;
        var supplierRoll = rng.NextDouble();
        var kinguin = supplierRoll < BothSuppliers + KinguinOnly ? Kinguin(id, price, rng) : null;
        var digiflazz = supplierRoll < BothSuppliers || kinguin is null ? Digiflazz(id, platform, price, rng) : null;
        return new Game(id, title.Name, edition, platform, region, title.Genres, title.Developer, title.Publisher,
            release, isPreorder, isPreorder ? 0 : title.Metacritic, kinguin, digiflazz);
    }

    private static KinguinListing Kinguin(int id, decimal price, SeededRandom rng)
    {
        var soldOut = rng.Chance(0.08);
        var offers = new KinguinOffer[rng.Next(1, 5)];
        var offerPrice = price * (decimal)(0.55 + rng.NextDouble() * 0.37);
        for (var i = 0; i < offers.Length; i++)
        {
            var qty = soldOut || rng.Chance(0.15) ? 0 : 1 + (int)(300 * Math.Pow(rng.NextDouble(), 3));
            var imageKeysOnly = rng.Chance(0.1);
            offers[i] = new KinguinOffer(rng.NextObjectId(), rng.Pick(WordLists.KinguinMerchants),
                Math.Round(offerPrice, 2), qty, imageKeysOnly ? 0 : qty);
            offerPrice *= (decimal)(1.0 + rng.NextDouble() * 0.12);
        }
        var updatedAt = Anchor.AddSeconds(-rng.Next(365 * 24 * 3600));
        return new KinguinListing(10_000 + id * 3 + rng.Next(3), rng.NextObjectId(), updatedAt, offers);
    }

    private static DigiflazzListing Digiflazz(int id, Platform platform, decimal price, SeededRandom rng)
    {
        var idr = (long)Math.Round(price * IdrPerEur * (decimal)(0.6 + rng.NextDouble() * 0.4) / 100m) * 100;
        var unlimited = rng.Chance(0.2);
        var stock = unlimited || !rng.Chance(0.08) ? rng.Next(1, 201) : 0;
        var cutOff = rng.Chance(0.05);
        return new DigiflazzListing($"{platform.Code}{id:D6}", idr, stock, unlimited,
            BuyerProductStatus: !rng.Chance(0.02), SellerProductStatus: !rng.Chance(0.05),
            rng.Pick(WordLists.DigiflazzSellers), cutOff ? "23:45" : "00:00", cutOff ? "00:15" : "00:00");
    }

    /// <summary>What every platform's product of one title shares.</summary>
    private sealed class TitleTraits(string name, SeededRandom rng)
    {
        public string Name { get; } = name;
        public string[] Genres { get; } = rng.Next(3) switch
        {
            0 => [rng.Pick(WordLists.Genres)],
            _ => [.. new[] { rng.Pick(WordLists.Genres), rng.Pick(WordLists.Genres), rng.Pick(WordLists.Genres) }.Distinct().Take(1 + rng.Next(3))],
        };
        public string Developer { get; } = $"{rng.Pick(WordLists.StudioPrefixes)} {rng.Pick(WordLists.StudioSuffixes)}";
        public string Publisher { get; } = rng.Pick(WordLists.Publishers);
        public DateOnly ReleaseDate { get; } = DateOnly.FromDateTime(Anchor.UtcDateTime).AddDays(-rng.Next(30, 7300));
        public decimal BasePrice { get; } = rng.Pick(BasePrices);
        public int Metacritic { get; } = rng.Next(45, 97);
    }
}
