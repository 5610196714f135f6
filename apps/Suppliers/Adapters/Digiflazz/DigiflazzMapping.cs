using System.Text.RegularExpressions;
using GamesDrop.Contracts.Catalog;

namespace GamesDrop.Suppliers.Adapters.Digiflazz;

internal static partial class DigiflazzMapping
{
    // Digiflazz has no region field: the listing's name carries it ("... Steam Key GLOBAL").
    [GeneratedRegex(@"\b(GLOBAL|REGION FREE|WORLDWIDE|EUROPE|EU|NORTH AMERICA|NA|US|UK|ASIA|SEA|LATAM|RU|TR|IN|ID)\b\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Region();

    // Digiflazz quotes cut-off times in Western Indonesian Time.
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static SupplierOffer ToOffer(DigiflazzPriceItem item, DateTimeOffset now) => new(
        Sku: item.BuyerSkuCode,
        Title: item.ProductName,
        Platform: item.Brand,
        Region: Region().Match(item.ProductName) is { Success: true } m ? m.Groups[1].Value.ToUpperInvariant() : "GLOBAL",
        Edition: EditionParser.From(item.ProductName),
        Genres: [],
        ReleaseDate: null,
        Description: item.Desc,
        ActivationNotes: "",
        ImageUrl: null,
        Price: item.Price,
        Currency: "IDR",
        Stock: item.UnlimitedStock ? 999 : Math.Max(0, item.Stock),
        Available: IsSellable(item, now),
        SupplierUpdatedAt: null);

    /// <summary>Both statuses on, stock (or unlimited), and outside the daily cut-off window.</summary>
    public static bool IsSellable(DigiflazzPriceItem item, DateTimeOffset now) =>
        item.BuyerProductStatus && item.SellerProductStatus && (item.UnlimitedStock || item.Stock > 0)
        && !InCutOff(item.StartCutOff, item.EndCutOff, TimeOnly.FromTimeSpan(now.ToOffset(Wib).TimeOfDay));

    private static bool InCutOff(string start, string end, TimeOnly time)
    {
        if (!TimeOnly.TryParse(start, out var from) || !TimeOnly.TryParse(end, out var to) || from == to)
        {
            return false;
        }
        return from < to ? time >= from && time < to : time >= from || time < to;
    }
}
